package io.trafficlab.engine.proxy;

/**
 * The first packet of a traced connection as it arrives at the node, before any rule
 * rewrites it.
 *
 * @param protocol the Service port's protocol in lower case ({@code tcp})
 * @param sourceIp the source address as received
 * @param destinationIp the address the packet is sent to
 * @param destinationPort the port it is sent to
 * @param sourceLocal whether the source is an address of the node (the tracer's
 * node-local source)
 * @param destinationLocal whether the destination is an address of the node (a NodePort
 * on its InternalIP)
 */
public record ArrivingPacket(String protocol, String sourceIp, String destinationIp, int destinationPort,
		boolean sourceLocal, boolean destinationLocal) {

}
