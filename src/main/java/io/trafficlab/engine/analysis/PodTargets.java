package io.trafficlab.engine.analysis;

import java.util.Arrays;
import java.util.List;

import com.carrotsearch.hppc.ObjectHashSet;
import com.carrotsearch.hppc.ObjectIntHashMap;
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
	 * Delivers to the pods and gives each node the sum of its pods' shares in
	 * {@code lbShares}; returns {@code false} when the target group is empty.
	 */
	static boolean deliver(LoadBalancerSpec spec, List<Endpoint> endpoints, List<Node> nodes, ExternalFlow flow,
			String clientIp, LoadBalancerAddresses addresses, Fraction[] lbShares) {
		ObjectIntHashMap<String> nodeIndex = new ObjectIntHashMap<>(nodes.size());
		for (int i = nodes.size() - 1; i >= 0; i--) {
			// the first node of a name wins, as with putIfAbsent
			nodeIndex.put(nodes.get(i).name(), i);
		}
		int[] positions = new int[endpoints.size()];
		int[] nodeOf = new int[endpoints.size()];
		String[] zones = new String[endpoints.size()];
		ObjectHashSet<String> registeredIps = new ObjectHashSet<>(endpoints.size());
		int count = 0;
		// a node's endpoints usually come together: its node is looked up once per run
		String lastName = null;
		int lastNode = -1;
		for (int i = 0; i < endpoints.size(); i++) {
			Endpoint endpoint = endpoints.get(i);
			if (endpoint.ready() && !endpoint.terminating() && registeredIps.add(endpoint.ip())) {
				String nodeName = endpoint.nodeName();
				if (nodeName == null) {
					lastNode = -1;
				}
				else if (!nodeName.equals(lastName)) {
					lastNode = nodeIndex.getOrDefault(nodeName, -1);
				}
				lastName = nodeName;
				positions[count] = i;
				nodeOf[count] = lastNode;
				zones[count++] = (lastNode >= 0) ? LoadBalancerAddresses.zoneOf(nodes.get(lastNode)) : "";
			}
		}
		if (count == 0) {
			return false;
		}
		String[] targetZones = Arrays.copyOf(zones, count);
		boolean[] healthy = new boolean[count];
		Arrays.fill(healthy, true);
		Fraction[] shares = ZoneSpread.shares(targetZones, healthy, spec.crossZone(), true);
		// every pod target of a node is in the node's zone, so all get the same share
		int[] targetsOnNode = new int[nodes.size()];
		Fraction[] shareOnNode = new Fraction[nodes.size()];
		String source = clientIp;
		for (int k = 0; k < count; k++) {
			if (!spec.clientAddressKeptToNode() && (k == 0 || !targetZones[k].equals(targetZones[k - 1]))) {
				source = addresses.inZone(targetZones[k]);
			}
			flow.deliverToEndpoint(positions[k], shares[k], source);
			if (nodeOf[k] >= 0 && !shares[k].isZero()) {
				targetsOnNode[nodeOf[k]]++;
				shareOnNode[nodeOf[k]] = shares[k];
			}
		}
		for (int i = 0; i < lbShares.length; i++) {
			if (targetsOnNode[i] > 0) {
				lbShares[i] = shareOnNode[i].times(Fraction.of(targetsOnNode[i], 1));
			}
		}
		return true;
	}

}
