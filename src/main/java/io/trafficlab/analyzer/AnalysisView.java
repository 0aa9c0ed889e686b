package io.trafficlab.analyzer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.trafficlab.engine.analysis.ClusterAnalysis;
import io.trafficlab.engine.balancer.Dataplane;
import io.trafficlab.engine.model.Node;
import io.trafficlab.engine.net.NetworkModel;
import io.trafficlab.engine.proxy.DestinationKind;
import io.trafficlab.engine.model.Service;
import io.trafficlab.manifest.ImportedCluster;

/**
 * The page's view of a whole analysis.
 *
 * @param services one view per Service
 * @param warnings what the import ignored and what the analysis noticed
 * @param nodeNames every node's name, for the packet tracer
 * @param serviceRefs every Service's {@code namespace/name}, for the packet tracer
 * @param loadBalancer the load balancer used, in words (with the spreading for
 * {@code generic})
 * @param dataplane the dataplane used, in words
 * @param network the pod network used, in words
 * @param clientIp the external client address used
 */
record AnalysisView(List<ServiceView> services, List<String> warnings, List<String> nodeNames, List<String> serviceRefs,
		String loadBalancer, String dataplane, String network, String clientIp) {

	/**
	 * The page lists at most this many nodes per Service; the JSON API has no such limit.
	 */
	static final int MAX_NODES = 100;

	static AnalysisView of(ClusterAnalysis analysis, ImportedCluster imported, String loadBalancer, Dataplane dataplane,
			NetworkModel network, String clientIp) {
		List<Node> nodes = imported.cluster().nodes();
		Map<String, Node> nodesByName = nodes.stream()
			.collect(Collectors.toMap(Node::name, Function.identity(), (first, second) -> first));
		List<String> warnings = new ArrayList<>(imported.warnings());
		warnings.addAll(analysis.warnings());
		return new AnalysisView(
				analysis.services().stream().map((service) -> ServiceView.of(service, nodesByName, dataplane)).toList(),
				warnings, nodes.stream().map(Node::name).toList(),
				imported.cluster().services().stream().map(Service::ref).map(Object::toString).toList(), loadBalancer,
				CatalogueChoices.dataplane(dataplane).label(), CatalogueChoices.network(network).label(), clientIp);
	}

	/**
	 * The Service the trace form starts with: the first one that external traffic can
	 * reach.
	 */
	public String defaultTraceService() {
		return this.services.stream()
			.filter(ServiceView::externallyAccessible)
			.map(ServiceView::ref)
			.findFirst()
			.orElse(this.serviceRefs.isEmpty() ? "" : this.serviceRefs.get(0));
	}

	/**
	 * The destination the trace form starts with: the load balancer IP where the default
	 * Service has one, else its node port (an AWS load balancer publishes a hostname, so
	 * kube-proxy has no rule for an LB IP, and the API refuses that trace).
	 */
	public String defaultTraceTo() {
		String service = defaultTraceService();
		boolean lbIp = this.services.stream()
			.anyMatch((view) -> view.ref().equals(service) && !view.loadBalancerIps().isEmpty());
		return (lbIp ? DestinationKind.LOAD_BALANCER_IP : DestinationKind.NODE_PORT).apiName();
	}

	public int nodeCount() {
		return this.nodeNames.size();
	}

	public boolean nodesLimited() {
		return this.nodeNames.size() > MAX_NODES;
	}

}
