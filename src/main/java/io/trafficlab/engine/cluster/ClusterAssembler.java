package io.trafficlab.engine.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.trafficlab.engine.apiserver.DeclaredService;
import io.trafficlab.engine.apiserver.ServiceRegistry;
import io.trafficlab.engine.model.Cluster;
import io.trafficlab.engine.model.Endpoint;
import io.trafficlab.engine.model.Node;
import io.trafficlab.engine.model.Pod;
import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.model.ServiceRef;
import io.trafficlab.engine.model.ServiceType;

/**
 * Turns what manifests declare into a complete {@link Cluster}, filling in
 * deterministically what a real cluster would: nodes (when none are declared), node
 * addresses and pod CIDRs, Services as the API server stores them, pods for workloads
 * (placed by the {@link io.trafficlab.engine.scheduling.Scheduler}), pod IPs, and
 * endpoints. The same declaration always gives the same cluster.
 *
 * <p>
 * Rejects what kube-apiserver would reject with an
 * {@link io.trafficlab.engine.apiserver.InvalidObjectException} and a cluster over the
 * sandbox's limits with a {@link ClusterLimitException}.
 */
public final class ClusterAssembler {

	public AssembledCluster assemble(ClusterDeclaration declaration) {
		List<String> warnings = new ArrayList<>();
		List<Node> nodes = NodeLayout.address(NodeLayout.plan(declaration, warnings), warnings);
		List<Service> services = createServices(declaration.services(), warnings);
		List<PodDraft> drafts = new PodPlanner(nodes, warnings).plan(declaration);
		PodAddressing.assign(drafts, nodes, warnings);
		List<Pod> pods = new ArrayList<>(drafts.size());
		List<Pod> endpointCandidates = new ArrayList<>(drafts.size());
		for (PodDraft draft : drafts) {
			Pod pod = draft.toPod();
			pods.add(pod);
			if (!draft.finished) {
				endpointCandidates.add(pod);
			}
		}
		Map<ServiceRef, List<Endpoint>> endpoints = EndpointBuilder.build(services, declaration.endpointSlices(),
				endpointCandidates, nodes, warnings);
		return new AssembledCluster(new Cluster(nodes, services, endpoints, pods), warnings);
	}

	private static List<Service> createServices(List<DeclaredService> declared, List<String> warnings) {
		List<DeclaredService> proxied = new ArrayList<>();
		for (DeclaredService service : declared) {
			if (service.isType(ServiceType.EXTERNAL_NAME)) {
				warnings.add("Service " + service.ref()
						+ " is an ExternalName Service, which kube-proxy ignores; it is left out.");
			}
			else if (service.headless()) {
				warnings.add("Service " + service.ref()
						+ " is headless (clusterIP: None), which kube-proxy ignores; it is left out.");
			}
			else {
				proxied.add(service);
			}
		}
		return new ServiceRegistry().createAll(proxied);
	}

}
