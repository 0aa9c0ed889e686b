package io.trafficlab.engine.balancer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * MetalLB's candidate nodes for announcing a Service (L2) or advertising its route (BGP),
 * as the speaker decides them ({@code speaker/main.go} with {@code EndpointCanServe}):
 * under Cluster every speaker node, when any endpoint can serve; under Local the speaker
 * nodes that host an endpoint that can serve ({@code ServiceEndpoints} knows which). The
 * analyzer and the simulation both ask here.
 */
public final class AnnounceCandidates {

	private AnnounceCandidates() {
	}

	/**
	 * The indices of the candidates among {@code nodes}.
	 * @param nodes the node names
	 * @param speaker per node, whether a speaker runs there and counts
	 * @param local whether the Service's externalTrafficPolicy is Local
	 * @param hostsEndpointThatCanServe whether a node (by name) hosts an endpoint that
	 * can serve
	 * @param anyCanServe whether any endpoint anywhere can serve
	 */
	public static List<Integer> of(List<String> nodes, boolean[] speaker, boolean local,
			Predicate<String> hostsEndpointThatCanServe, boolean anyCanServe) {
		List<Integer> candidates = new ArrayList<>();
		if (anyCanServe) {
			for (int i = 0; i < nodes.size(); i++) {
				if (speaker[i] && (!local || hostsEndpointThatCanServe.test(nodes.get(i)))) {
					candidates.add(i);
				}
			}
		}
		return candidates;
	}

}
