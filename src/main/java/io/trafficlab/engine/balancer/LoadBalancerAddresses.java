package io.trafficlab.engine.balancer;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import io.trafficlab.engine.model.Node;
import io.trafficlab.engine.net.IpAddress;

/**
 * The private addresses a load balancer's own nodes use toward the cluster, one per zone:
 * the source a node (or pod) sees when the LB proxies (Classic ELB) or does not preserve
 * the client's address (NLB ip targets by default). Real ones are addresses of the LB's
 * subnets; the analyzer gives the k-th zone in sorted order (the zone-less first)
 * {@code 172.16.0.(10 + k)} (a zone no node has, for pod targets without a node, comes
 * last), skipping any address a node, a pod CIDR or the client already uses.
 * Deterministic and documented in {@code docs/routing-model.md}.
 */
public final class LoadBalancerAddresses {

	private static final IpAddress FIRST = IpAddress.parse("172.16.0.10");

	private final Map<String, String> byZone = new HashMap<>();

	private LoadBalancerAddresses() {
	}

	/** One address per zone of {@code nodes} (and one for targets without a zone). */
	public static LoadBalancerAddresses of(List<Node> nodes, String clientIp) {
		return of(nodes, List.of(clientIp));
	}

	/** The same, avoiding every one of the clients' addresses. */
	public static LoadBalancerAddresses of(List<Node> nodes, Collection<String> clientIps) {
		// a cluster has a few zones: gathered by hash, sorted once
		Set<String> zoneSet = new HashSet<>();
		for (Node node : nodes) {
			zoneSet.add(zoneOf(node));
		}
		List<String> ordered = new ArrayList<>(new TreeSet<>(zoneSet));
		if (!zoneSet.contains("")) {
			// for pod targets whose node is unknown
			ordered.add("");
		}
		TakenAddresses taken = new TakenAddresses(nodes, clientIps);
		LoadBalancerAddresses addresses = new LoadBalancerAddresses();
		long next = 0;
		for (String zone : ordered) {
			IpAddress candidate = FIRST.plus(next++);
			while (taken.contains(candidate)) {
				candidate = FIRST.plus(next++);
			}
			addresses.byZone.put(zone, candidate.toString());
		}
		return addresses;
	}

	/** The LB's address in {@code zone} ({@code ""} or {@code null}: no zone). */
	public String inZone(String zone) {
		return Objects.requireNonNull(this.byZone.get(Objects.requireNonNullElse(zone, "")), zone);
	}

	/** Every zone's address, by zone ({@code ""}: targets without a zone). */
	public Map<String, String> byZone() {
		return Map.copyOf(this.byZone);
	}

	/** A node's zone as the LB groups it: {@code ""} when it has none. */
	public static String zoneOf(Node node) {
		return Objects.requireNonNullElse(node.zone(), "");
	}

}
