package io.trafficlab.engine.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.trafficlab.engine.balancer.CloudLoadBalancer;
import io.trafficlab.engine.net.IpAddress;
import io.trafficlab.engine.model.Cluster;
import io.trafficlab.engine.model.Node;
import io.trafficlab.engine.model.Service;

/**
 * Computes, for every Service, what each node's kube-proxy and the cloud load balancer do
 * with external traffic, as exact fractions.
 * <p>
 * External traffic is followed to the Service's primary external destination: the first
 * load-balancer IP of a LoadBalancer Service (unless its load balancer publishes a
 * hostname), else the first port's nodePort, else the first external IP. It arrives at
 * each node with that node's LB share (the load balancer of the options, as
 * {@link io.trafficlab.engine.balancer.LoadBalancerCatalog} describes it; {@code generic}
 * is {@link CloudLoadBalancer}) from the client address in the options (or the LB's own
 * address for a proxy), and each node applies the same rules as the packet tracer
 * ({@link io.trafficlab.engine.proxy.ProxyRules}). Each endpoint of the chosen set gets
 * an equal part of that node's share.
 * <p>
 * The work is O(nodes + endpoints) per Service: endpoints are categorized once, nodes
 * that compute the same Cluster set share one set instance and are summed as a group, and
 * {@link EndpointAnalysis#sourcesSeen()} (inherently nodes-sized per endpoint under
 * {@code Cluster}) is a lazily computed view.
 */
public final class ClusterAnalyzer {

	/**
	 * @throws IllegalArgumentException naming {@code clientIp} when it is not an IP
	 * address
	 */
	public ClusterAnalysis analyze(Cluster cluster, AnalysisOptions options) {
		if (IpAddress.tryParse(options.clientIp()) == null) {
			throw new IllegalArgumentException("clientIp: \"" + options.clientIp() + "\" is not an IP address");
		}
		List<String> warnings = new ArrayList<>();
		warnAboutUnknownNodes(cluster, options, warnings);
		List<ServiceAnalysis> services = new ArrayList<>(cluster.services().size());
		for (Service service : cluster.services()) {
			services.add(new ServiceAnalyzer(cluster, service, options, warnings).analyze());
		}
		return new ClusterAnalysis(Collections.unmodifiableList(services), Collections.unmodifiableList(warnings));
	}

	private static void warnAboutUnknownNodes(Cluster cluster, AnalysisOptions options, List<String> warnings) {
		Set<String> onlyNodes = options.onlyNodes();
		if (onlyNodes == null) {
			return;
		}
		Set<String> known = new HashSet<>();
		for (Node node : cluster.nodes()) {
			known.add(node.name());
		}
		onlyNodes.stream()
			.filter((name) -> !known.contains(name))
			.sorted()
			.forEach((name) -> warnings.add("Node \"" + name + "\" asked for in node= is not in the cluster"));
	}

}
