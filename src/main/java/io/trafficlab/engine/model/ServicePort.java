package io.trafficlab.engine.model;

/**
 * One port of a Service after defaulting and allocation.
 *
 * @param name the port name ({@code ""} when the Service has a single unnamed port)
 * @param protocol {@code TCP}, {@code UDP} or {@code SCTP}
 * @param port the Service port
 * @param targetPort the container port, a number or a named port
 * @param nodePort the allocated node port, or {@code 0} when none
 */
public record ServicePort(String name, String protocol, int port, String targetPort, int nodePort) {

}
