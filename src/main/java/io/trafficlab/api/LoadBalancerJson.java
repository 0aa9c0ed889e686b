package io.trafficlab.api;

import java.util.List;

import io.trafficlab.engine.analysis.LoadBalancerAnalysis;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * The load balancer in front of a LoadBalancer Service (the contract's
 * {@code services[].loadBalancer}). {@code announcingNodes} is left out of the JSON for
 * the LBs other than MetalLB.
 *
 * @param id the catalogue id, e.g. {@code metallb-l2}
 * @param probe what it checks under the Service's current policy, {@code null} when it
 * does not probe
 * @param clientAddressKeptToNode whether the node (or pod, with ip targets) receives the
 * client's address
 * @param announcingNodes MetalLB: the announcing (L2) or advertising (BGP) nodes
 */
record LoadBalancerJson(String id, @Nullable ProbeJson probe, boolean clientAddressKeptToNode,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable List<String> announcingNodes) {

	static LoadBalancerJson of(LoadBalancerAnalysis analysis) {
		return new LoadBalancerJson(analysis.kind().apiName(),
				(analysis.probe() != null) ? ProbeJson.of(analysis.probe()) : null, analysis.clientAddressKeptToNode(),
				analysis.announcingNodes());
	}

}
