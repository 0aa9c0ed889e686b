package io.trafficlab.api;

import io.trafficlab.engine.model.ServicePort;
import org.jspecify.annotations.Nullable;

/**
 * One Service port (an addition to the contract).
 *
 * @param name the port name, {@code ""} for a single unnamed port
 * @param protocol {@code TCP}, {@code UDP} or {@code SCTP}
 * @param port the Service port
 * @param targetPort the container port, a number or a name
 * @param nodePort the node port, {@code null} when none
 */
record PortJson(String name, String protocol, int port, String targetPort, @Nullable Integer nodePort) {

	static PortJson of(ServicePort port) {
		return new PortJson(port.name(), port.protocol(), port.port(), port.targetPort(),
				positiveOrNull(port.nodePort()));
	}

	/** The engine writes {@code 0} for "no port"; the API writes {@code null}. */
	static @Nullable Integer positiveOrNull(int port) {
		return (port > 0) ? port : null;
	}

}
