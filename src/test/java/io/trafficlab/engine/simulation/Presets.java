package io.trafficlab.engine.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import io.trafficlab.engine.apiserver.DeclaredService;
import io.trafficlab.engine.apiserver.DeclaredServicePort;
import io.trafficlab.engine.apiserver.LoadBalancerIngress;
import io.trafficlab.engine.cluster.ClusterDeclaration;
import io.trafficlab.engine.cluster.DeclaredNode;
import io.trafficlab.engine.cluster.DeclaredPod;
import io.trafficlab.engine.cluster.DeclaredWorkload;
import io.trafficlab.engine.cluster.PodScheduling;
import io.trafficlab.engine.cluster.WorkloadKind;
import io.trafficlab.engine.scheduling.LabelSelector;
import io.trafficlab.engine.scheduling.TopologySpreadConstraint;

/**
 * The preset shapes of the sandbox as {@link ClusterDeclaration}s (the same clusters as
 * the bundled examples).
 */
public final class Presets {

	public static final Map<String, String> WEB = Map.of("app", "web");

	private Presets() {
	}

	/**
	 * Three nodes n1–n3 in zones a–c, with the addresses of the semantics notes' worked
	 * example (§8).
	 */
	public static List<DeclaredNode> threeNodes() {
		List<DeclaredNode> nodes = new ArrayList<>();
		for (int i = 1; i <= 3; i++) {
			nodes.add(new DeclaredNode("n" + i,
					Map.of(TopologySpreadConstraint.ZONE, "zone-" + (char) ('a' + i - 1),
							TopologySpreadConstraint.HOSTNAME, "n" + i),
					Map.of(), "192.168.0.1" + i, "10.244." + i + ".0/24", List.of(), false, false));
		}
		return nodes;
	}

	/**
	 * {@code default/web}, a LoadBalancer with LB IP 198.51.100.10, nodePort 30080 (and
	 * health check 32000).
	 */
	public static DeclaredService webService(String policy) {
		return webService(policy, Map.of());
	}

	/** The same, with these annotations. */
	public static DeclaredService webService(String policy, Map<String, String> annotations) {
		return DeclaredService.builder("default", "web")
			.annotations(annotations)
			.type("LoadBalancer")
			.selector(WEB)
			.port(DeclaredServicePort.tcp(80, 8080).withNodePort(30080))
			.externalTrafficPolicy(policy)
			.healthCheckNodePort("Local".equals(policy) ? 32000 : null)
			.loadBalancerIngress(List.of(LoadBalancerIngress.vip("198.51.100.10")))
			.build();
	}

	/** A bare pod {@code default/name} labelled {@link #WEB}, bound to {@code node}. */
	public static DeclaredPod webPod(String name, String node) {
		return DeclaredPod.on("default", name, WEB, node);
	}

	/**
	 * {@code nodes}, {@code services} and bare {@code pods}: no workload, no
	 * EndpointSlice.
	 */
	public static ClusterDeclaration cluster(List<DeclaredNode> nodes, List<DeclaredService> services,
			DeclaredPod... pods) {
		return new ClusterDeclaration(nodes, services, List.of(pods), List.of(), List.of());
	}

	/** The worked example: web-1..3 on n1, web-4 on n2, nothing on n3 (bare pods). */
	public static ClusterDeclaration uneven310(String policy) {
		return cluster(threeNodes(), List.of(webService(policy)), webPod("web-1", "n1"), webPod("web-2", "n1"),
				webPod("web-3", "n1"), webPod("web-4", "n2"));
	}

	/**
	 * The worked example with its Service as {@code change} makes it from
	 * {@link #webService}.
	 */
	public static ClusterDeclaration uneven310(String policy, UnaryOperator<DeclaredService.Builder> change) {
		ClusterDeclaration declaration = uneven310(policy);
		DeclaredService service = change.apply(webService(policy).toBuilder()).build();
		return new ClusterDeclaration(declaration.nodes(), List.of(service), declaration.pods(),
				declaration.workloads(), declaration.endpointSlices());
	}

	/**
	 * The worked example's pods behind a ClusterIP Service, {@code default/web} on port
	 * 80: nothing external reaches it, so no external traffic policy may be set.
	 */
	public static ClusterDeclaration uneven310ClusterIp() {
		DeclaredService internal = DeclaredService.builder("default", "web")
			.selector(WEB)
			.port(DeclaredServicePort.tcp(80, 8080))
			.build();
		return new ClusterDeclaration(threeNodes(), List.of(internal), uneven310("Local").pods(), List.of(), List.of());
	}

	/** Two replicas of a Deployment spread over hosts: n3 has none. */
	public static ClusterDeclaration twoPodsThreeNodes() {
		return deployment(2, TopologySpreadConstraint.of(1, TopologySpreadConstraint.HOSTNAME,
				TopologySpreadConstraint.DO_NOT_SCHEDULE, LabelSelector.of(WEB)));
	}

	/** Six replicas spread by zone and host: two per node. */
	public static ClusterDeclaration sixReplicasSpread() {
		return deployment(6,
				TopologySpreadConstraint.of(1, TopologySpreadConstraint.ZONE, TopologySpreadConstraint.DO_NOT_SCHEDULE,
						LabelSelector.of(WEB)),
				TopologySpreadConstraint.of(1, TopologySpreadConstraint.HOSTNAME,
						TopologySpreadConstraint.DO_NOT_SCHEDULE, LabelSelector.of(WEB)));
	}

	public static ClusterDeclaration deployment(int replicas, TopologySpreadConstraint... spread) {
		DeclaredWorkload deployment = new DeclaredWorkload(WorkloadKind.DEPLOYMENT, "default", "web", replicas,
				LabelSelector.of(WEB), WEB, new PodScheduling(null, Map.of(), List.of(), List.of(spread)), List.of());
		return new ClusterDeclaration(threeNodes(), List.of(webService("Local")), List.of(), List.of(deployment),
				List.of());
	}

	/** Settings with the given seed, otherwise the defaults. */
	public static SimulationSettings settings(long seed) {
		return SimulationSettings.defaults().withSeed(seed);
	}

}
