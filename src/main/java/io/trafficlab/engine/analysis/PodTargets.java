package io.trafficlab.engine.analysis;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.trafficlab.engine.balancer.LoadBalancerAddresses;
import io.trafficlab.engine.balancer.LoadBalancerSpec;
import io.trafficlab.engine.balancer.ZoneSpread;
import io.trafficlab.engine.model.Endpoint;
import io.trafficlab.engine.model.Fraction;
import io.trafficlab.engine.model.Node;

/**
 * An NLB with ip targets: the registered targets are the Service's Ready, not terminating
 * endpoints (aws-load-balancer-controller {@code endpoint_resolver.go}
 * {@code resolvePodEndpointsWithEndpointsData}, without readiness gates), each in its
 * node's zone; every one passes the TCP probe in steady state; per-zone spreading, and
 * the LB sends each its share straight, from the client's address (preservation on) or
 * its own in the pod's zone.
 */
final class PodTargets {

	private PodTargets() {
	}

	/**
	 * Delivers to the pods; returns {@code false} when the target group is empty.
	 */
	static boolean deliver(LoadBalancerSpec spec, List<Endpoint> endpoints, List<Node> nodes, ExternalFlow flow,
			String clientIp, LoadBalancerAddresses addresses) {
		Map<String, String> zoneByNode = new HashMap<>();
		for (Node node : nodes) {
			zoneByNode.put(node.name(), LoadBalancerAddresses.zoneOf(node));
		}
		int[] positions = new int[endpoints.size()];
		String[] zones = new String[endpoints.size()];
		Set<String> registeredIps = new HashSet<>();
		int count = 0;
		for (int i = 0; i < endpoints.size(); i++) {
			Endpoint endpoint = endpoints.get(i);
			if (endpoint.ready() && !endpoint.terminating() && registeredIps.add(endpoint.ip())) {
				String nodeName = endpoint.nodeName();
				positions[count] = i;
				zones[count++] = (nodeName != null) ? zoneByNode.getOrDefault(nodeName, "") : "";
			}
		}
		if (count == 0) {
			return false;
		}
		String[] targetZones = Arrays.copyOf(zones, count);
		boolean[] healthy = new boolean[count];
		Arrays.fill(healthy, true);
		Fraction[] shares = ZoneSpread.shares(targetZones, healthy, spec.crossZone(), true);
		for (int k = 0; k < count; k++) {
			String source = spec.clientAddressKeptToNode() ? clientIp : addresses.inZone(targetZones[k]);
			flow.deliverToEndpoint(positions[k], shares[k], source);
		}
		return true;
	}

}
