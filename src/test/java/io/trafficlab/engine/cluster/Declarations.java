package io.trafficlab.engine.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.trafficlab.engine.apiserver.DeclaredService;
import io.trafficlab.engine.apiserver.DeclaredServicePort;
import io.trafficlab.engine.scheduling.LabelSelector;
import io.trafficlab.engine.scheduling.TopologySpreadConstraint;

/**
 * Builds {@link ClusterDeclaration}s for tests.
 */
final class Declarations {

	static final Map<String, String> WEB = Map.of("app", "web");

	final List<DeclaredNode> nodes = new ArrayList<>();

	final List<DeclaredService> services = new ArrayList<>();

	final List<DeclaredPod> pods = new ArrayList<>();

	final List<DeclaredWorkload> workloads = new ArrayList<>();

	final List<DeclaredEndpointSlice> slices = new ArrayList<>();

	Declarations node(String name, String zone) {
		this.nodes.add(DeclaredNode.named(name, Map.of(TopologySpreadConstraint.ZONE, zone)));
		return this;
	}

	Declarations node(DeclaredNode node) {
		this.nodes.add(node);
		return this;
	}

	Declarations webService(String type, String trafficDistribution) {
		this.services.add(DeclaredService.builder("default", "web")
			.type(type)
			.selector(WEB)
			.port(DeclaredServicePort.tcp(80, 8080))
			.trafficDistribution(trafficDistribution)
			.build());
		return this;
	}

	Declarations pod(String name, String nodeName) {
		this.pods.add(DeclaredPod.on("default", name, WEB, nodeName));
		return this;
	}

	/**
	 * A pod bound to {@code nodeName}, its controller
	 * {@code ownerKind}/{@code ownerName}.
	 */
	Declarations ownedPod(String name, String nodeName, String ownerKind, String ownerName) {
		return pod(new DeclaredPod("default", name, WEB, PodScheduling.on(nodeName), null, false,
				List.of(new OwnerReference(ownerKind, ownerName))));
	}

	Declarations pod(DeclaredPod pod) {
		this.pods.add(pod);
		return this;
	}

	Declarations workload(WorkloadKind kind, String name, Integer replicas, TopologySpreadConstraint... spread) {
		this.workloads.add(new DeclaredWorkload(kind, "default", name, replicas, LabelSelector.of(WEB), WEB,
				new PodScheduling(null, Map.of(), List.of(), List.of(spread)), List.of()));
		return this;
	}

	Declarations workload(DeclaredWorkload workload) {
		this.workloads.add(workload);
		return this;
	}

	Declarations slice(DeclaredEndpointSlice slice) {
		this.slices.add(slice);
		return this;
	}

	ClusterDeclaration build() {
		return new ClusterDeclaration(this.nodes, this.services, this.pods, this.workloads, this.slices);
	}

	AssembledCluster assemble() {
		return new ClusterAssembler().assemble(build());
	}

	static DeclaredEndpoint endpoint(String ip, String node, Boolean ready, Boolean serving, Boolean terminating) {
		return new DeclaredEndpoint(List.of(ip), ready, serving, terminating, node, null, Set.of(), Set.of(), null);
	}

}
