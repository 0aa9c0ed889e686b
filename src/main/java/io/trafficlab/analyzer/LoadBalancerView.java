package io.trafficlab.analyzer;

import java.util.List;

import io.trafficlab.engine.analysis.LoadBalancerAnalysis;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.balancer.ProbeSpec;
import org.jspecify.annotations.Nullable;

/**
 * The load balancer in front of one LoadBalancer Service, as the server computed it.
 *
 * @param id the catalogue id
 * @param name the name the page uses
 * @param probe what it checks in words (protocol, port, path), {@code null} when it does
 * not probe
 * @param probeTiming the probe's interval, timeout and thresholds in words, {@code null}
 * when it does not probe
 * @param clientAddressKeptToNode whether the client's address reaches the node (or the
 * pod, with ip targets)
 * @param announcingNodes MetalLB's announcing (L2) or advertising (BGP) nodes,
 * {@code null} for the other LBs
 * @param announcingLabel what those nodes do, for the page's fact list
 */
record LoadBalancerView(String id, String name, @Nullable String probe, @Nullable String probeTiming,
		boolean clientAddressKeptToNode, @Nullable List<String> announcingNodes, String announcingLabel) {

	static LoadBalancerView of(LoadBalancerAnalysis analysis) {
		ProbeSpec probe = analysis.probe();
		return new LoadBalancerView(analysis.kind().apiName(), CatalogueChoices.loadBalancer(analysis.kind()).label(),
				(probe != null) ? describe(probe) : null, (probe != null) ? timing(probe) : null,
				analysis.clientAddressKeptToNode(), analysis.announcingNodes(),
				(analysis.kind() == LoadBalancerKind.METALLB_L2) ? "Announcing node (ARP)" : "Advertising nodes (BGP)");
	}

	static String describe(ProbeSpec probe) {
		String port = (probe.port() > 0) ? " port " + probe.port() : " its port";
		String where = switch (probe.target()) {
			case HEALTH_CHECK_NODE_PORT -> " on the healthCheckNodePort (" + port.strip() + ")";
			case NODE_PORT -> " to the nodePort (" + port.strip() + ")";
			case PROXY_HEALTHZ -> " to kube-proxy's" + port;
			case POD_PORT -> " to the pod's" + port;
		};
		String path = (probe.path() != null) ? " " + probe.path() : "";
		return (probe.path() != null) ? probe.protocol().apiName() + " GET" + path + where
				: probe.protocol().apiName() + " connect" + where;
	}

	static String timing(ProbeSpec probe) {
		return "every " + probe.intervalSeconds() + " s, timeout " + probe.timeoutSeconds() + " s; healthy after "
				+ probe.healthyThreshold() + " passing, unhealthy after " + probe.unhealthyThreshold() + " failing";
	}

	public boolean probes() {
		return this.probe != null;
	}

	public boolean hasAnnouncingNodes() {
		return this.announcingNodes != null;
	}

	/**
	 * What receives the load balancer's packets: the node, or the pod with ip targets.
	 */
	public String receiver() {
		return LoadBalancerKind.AWS_NLB_IP.apiName().equals(this.id) ? "pod" : "node";
	}

	/** Whether the client's address arrives, in words ("kept: the node receives …"). */
	public String clientAddress() {
		return this.clientAddressKeptToNode ? "kept: the " + receiver() + " receives the client’s address"
				: "lost: the " + receiver() + " receives the load balancer’s address";
	}

}
