package io.trafficlab.engine.simulation;

import io.trafficlab.engine.model.Spelled;

/**
 * One step of a connection's packet on its way, with the addresses before and after the
 * step's rewrite.
 *
 * @param time when the packet is at this step, in simulated microseconds
 * @param direction the request (client to pod) or the reply (pod to client)
 * @param at where the step happens: a client address, {@code "lb"}, a node name or a pod
 * name
 * @param reason what happens here, in plain words (e.g.
 * {@code "DNAT to web-1 (node-a's Local set, R3)"})
 * @param srcBefore the source {@code address:port} as the packet arrives
 * @param dstBefore the destination {@code address:port} as the packet arrives
 * @param srcAfter the source {@code address:port} as the packet leaves
 * @param dstAfter the destination {@code address:port} as the packet leaves
 */
public record Hop(long time, Direction direction, String at, String reason, String srcBefore, String dstBefore,
		String srcAfter, String dstAfter) {

	/** Which way the packet travels. */
	public enum Direction implements Spelled {

		/** From the client towards the pod. */
		REQUEST,

		/** From the pod back to the client. */
		REPLY;

	}

}
