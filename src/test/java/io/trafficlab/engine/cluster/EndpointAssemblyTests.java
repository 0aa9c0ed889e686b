package io.trafficlab.engine.cluster;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.trafficlab.engine.apiserver.DeclaredService;
import io.trafficlab.engine.apiserver.DeclaredServicePort;
import io.trafficlab.engine.model.Cluster;
import io.trafficlab.engine.model.Endpoint;
import io.trafficlab.engine.model.ServiceRef;
import io.trafficlab.engine.model.TrafficPolicy;
import org.junit.jupiter.api.Test;

import static io.trafficlab.engine.cluster.Declarations.WEB;
import static io.trafficlab.engine.cluster.Declarations.endpoint;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the endpoints {@link ClusterAssembler} derives or reads, and for
 * {@link ClusterEditor}.
 */
class EndpointAssemblyTests {

	private static final ServiceRef WEB_SERVICE = new ServiceRef("default", "web");

	@Test
	void assembleWhenPodsMatchShouldDeriveEndpointsLikeTheController() {
		DeclaredPod notReady = new DeclaredPod("default", "p2", WEB, PodScheduling.on("n2"),
				new DeclaredPodStatus("Running", "10.244.2.10", false), false, List.of());
		DeclaredPod terminating = new DeclaredPod("default", "p3", WEB, PodScheduling.on("n1"), null, true, List.of());
		DeclaredPod finished = new DeclaredPod("default", "p4", WEB, PodScheduling.on("n1"),
				new DeclaredPodStatus("Succeeded", "10.244.1.99", false), false, List.of());
		DeclaredPod pending = new DeclaredPod("default", "p5", WEB, PodScheduling.ANYWHERE,
				new DeclaredPodStatus("Pending", null, false), false, List.of());
		DeclaredPod otherApp = DeclaredPod.on("default", "db", Map.of("app", "db"), "n1");
		DeclaredPod otherNamespace = DeclaredPod.on("prod", "p6", WEB, "n1");
		Cluster cluster = new Declarations().node("n1", "zone-a")
			.node("n2", "zone-b")
			.webService("LoadBalancer", null)
			.pod("p1", "n1")
			.pod(notReady)
			.pod(terminating)
			.pod(finished)
			.pod(pending)
			.pod(otherApp)
			.pod(otherNamespace)
			.assemble()
			.cluster();
		List<Endpoint> endpoints = cluster.endpointsOf(WEB_SERVICE);
		assertThat(endpoints).extracting(Endpoint::podName).containsExactly("p1", "p2", "p3");
		assertThat(endpoints.get(0))
			.isEqualTo(new Endpoint("10.244.1.10", "n1", "zone-a", true, true, false, Set.of(), Set.of(), "p1"));
		assertThat(endpoints.get(1))
			.isEqualTo(new Endpoint("10.244.2.10", "n2", "zone-b", false, false, false, Set.of(), Set.of(), "p2"));
		assertThat(endpoints.get(2))
			.isEqualTo(new Endpoint("10.244.1.11", "n1", "zone-a", false, true, true, Set.of(), Set.of(), "p3"));
	}

	@Test
	void assembleWhenPreferCloseShouldGiveReadyEndpointsZoneHints() {
		List<Endpoint> endpoints = hinted("PreferClose");
		assertThat(endpoints.get(0).zoneHints()).containsExactly("zone-a");
		assertThat(endpoints.get(0).nodeHints()).isEmpty();
		assertThat(endpoints.get(1).zoneHints()).isEmpty();
		assertThat(hinted("PreferSameZone").get(0).zoneHints()).containsExactly("zone-a");
	}

	@Test
	void assembleWhenPreferSameNodeShouldAddNodeHints() {
		List<Endpoint> endpoints = hinted("PreferSameNode");
		assertThat(endpoints.get(0).zoneHints()).containsExactly("zone-a");
		assertThat(endpoints.get(0).nodeHints()).containsExactly("n1");
		assertThat(endpoints.get(1).nodeHints()).isEmpty();
	}

	@Test
	void assembleWhenNoTrafficDistributionShouldGiveNoHints() {
		assertThat(hinted(null))
			.allMatch((endpoint) -> endpoint.zoneHints().isEmpty() && endpoint.nodeHints().isEmpty());
	}

	@Test
	void assembleWhenEndpointSlicesGivenShouldTakeThemAsTheTruth() {
		DeclaredEndpoint hintedEndpoint = new DeclaredEndpoint(List.of("10.9.9.9", "10.9.9.10"), null, null, null, "n2",
				"zone-b", Set.of("zone-b"), Set.of(), "p9");
		Cluster cluster = new Declarations().node("n1", "zone-a")
			.node("n2", "zone-b")
			.webService("LoadBalancer", null)
			.pod("p1", "n1")
			.slice(new DeclaredEndpointSlice("default", "web-abc", "web", "IPv4",
					List.of(hintedEndpoint, endpoint("10.9.9.11", "n1", false, true, true))))
			.slice(new DeclaredEndpointSlice("default", "web-def", "web", "IPv4",
					List.of(endpoint("10.9.9.9", "n1", true, true, false))))
			.assemble()
			.cluster();
		assertThat(cluster.endpointsOf(WEB_SERVICE)).containsExactly(
				new Endpoint("10.9.9.9", "n2", "zone-b", true, true, false, Set.of("zone-b"), Set.of(), "p9"),
				new Endpoint("10.9.9.11", "n1", null, false, true, true, Set.of(), Set.of(), null));
	}

	@Test
	void assembleWhenSlicesDoNotFitShouldIgnoreThemWithWarnings() {
		AssembledCluster assembled = new Declarations().node("n1", "zone-a")
			.webService("LoadBalancer", null)
			.pod("p1", "n1")
			.slice(new DeclaredEndpointSlice("default", "api-abc", "api", "IPv4", List.of()))
			.slice(new DeclaredEndpointSlice("default", "web-v6", "web", "IPv6", List.of()))
			.slice(new DeclaredEndpointSlice("default", "loose", null, "IPv4", List.of()))
			.assemble();
		assertThat(assembled.cluster().endpointsOf(WEB_SERVICE)).extracting(Endpoint::podName).containsExactly("p1");
		assertThat(assembled.warnings())
			.anyMatch((w) -> w.startsWith(
					"EndpointSlice default/api-abc belongs to Service default/api, which is not in the manifests"))
			.anyMatch((w) -> w.contains("addressType IPv6"))
			.anyMatch((w) -> w.contains("no kubernetes.io/service-name label"));
	}

	@Test
	void assembleWhenServiceHasNoSelectorAndNoSlicesShouldWarn() {
		Declarations declarations = new Declarations();
		declarations.services
			.add(DeclaredService.builder("default", "web").port(DeclaredServicePort.tcp(80, 80)).build());
		AssembledCluster assembled = declarations.assemble();
		assertThat(assembled.cluster().endpointsOf(WEB_SERVICE)).isEmpty();
		assertThat(assembled.warnings())
			.contains("Service default/web has no selector and no EndpointSlices, so it has no endpoints.");
	}

	@Test
	void updateServiceWhenPolicyToggledShouldApplyTheUpdateRules() {
		Cluster cluster = new Declarations().webService("LoadBalancer", null).pod("p1", "node-a").assemble().cluster();
		Cluster local = ClusterEditor.updateService(cluster,
				DeclaredService.from(cluster.services().get(0)).withExternalTrafficPolicy("Local"));
		assertThat(local.services().get(0).externalTrafficPolicy()).isEqualTo(TrafficPolicy.LOCAL);
		assertThat(local.services().get(0).healthCheckNodePort()).isBetween(30000, 32767);
		assertThat(local.endpointsOf(WEB_SERVICE)).isEqualTo(cluster.endpointsOf(WEB_SERVICE));
		Cluster hinted = ClusterEditor.updateService(local,
				DeclaredService.from(local.services().get(0)).withTrafficDistribution("PreferSameNode"));
		assertThat(hinted.endpointsOf(WEB_SERVICE).get(0).nodeHints()).containsExactly("node-a");
	}

	private static List<Endpoint> hinted(String trafficDistribution) {
		DeclaredPod notReady = new DeclaredPod("default", "p2", WEB, PodScheduling.on("n2"),
				new DeclaredPodStatus("Running", "10.244.2.10", false), false, List.of());
		return new Declarations().node("n1", "zone-a")
			.node("n2", "zone-b")
			.webService("LoadBalancer", trafficDistribution)
			.pod("p1", "n1")
			.pod(notReady)
			.assemble()
			.cluster()
			.endpointsOf(WEB_SERVICE);
	}

}
