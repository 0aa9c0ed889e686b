package io.trafficlab.engine.rules;

import org.jspecify.annotations.Nullable;

/**
 * The first packet of a new connection, as a node's rules see it.
 *
 * @param protocol {@code tcp}, {@code udp} or {@code sctp}
 * @param sourceIp its source address
 * @param destinationIp its destination address
 * @param destinationPort its destination port
 * @param sourceLocal whether the source is an address of this node
 * ({@code -m addrtype --src-type LOCAL}, {@code fib saddr type local})
 * @param destinationLocal whether the destination is an address of this node
 * ({@code --dst-type LOCAL}, {@code fib daddr type local})
 * @param endpoint the endpoint IP the random choice falls on, when there is a choice;
 * {@code null} for the first
 */
public record WalkedPacket(String protocol, String sourceIp, String destinationIp, int destinationPort,
		boolean sourceLocal, boolean destinationLocal, @Nullable String endpoint) {
}
