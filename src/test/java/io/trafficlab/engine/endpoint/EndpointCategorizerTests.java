package io.trafficlab.engine.endpoint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.trafficlab.engine.model.Endpoint;
import io.trafficlab.engine.model.Node;
import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.model.ServiceType;
import io.trafficlab.engine.model.TrafficPolicy;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link EndpointCategorizer}: all 26 rows of upstream's
 * {@code TestCategorizeEndpoints} (pkg/proxy/topology_test.go), translated to our model,
 * plus node-hint rows for the {@code PreferSameTrafficDistribution} gate.
 * <p>
 * Translation: upstream's {@code isLocal} endpoints run on the tested node
 * {@code node-a}, the others on {@code node-b}; unset conditions are false, as in
 * upstream's struct literals; a {@code nodePort} makes the Service a NodePort Service
 * (externally accessible); upstream's endpoint strings {@code ip:80} become the IP.
 */
class EndpointCategorizerTests {

	private static final String NODE = "node-a";

	private static final String OTHER_NODE = "node-b";

	static Stream<Arguments> upstreamRows() {
		return Stream.of(
				row("should use topology since all endpoints have hints, node has a zone label and and there are "
						+ "endpoints for the node's zone", spec(), "zone-a",
						eps(ep("10.1.2.3").zones("zone-a").ready(), ep("10.1.2.4").zones("zone-b").ready(),
								ep("10.1.2.5").zones("zone-c").ready(), ep("10.1.2.6").zones("zone-a").ready()),
						set("10.1.2.3", "10.1.2.6"), null, null, false),
				row("externalTrafficPolicy: Local, topology ignored for Local endpoints",
						spec().externalLocal().nodePort(), "zone-a",
						eps(ep("10.1.2.3").zones("zone-a").ready().local(),
								ep("10.1.2.4").zones("zone-b").ready().local(), ep("10.1.2.5").zones("zone-c").ready(),
								ep("10.1.2.6").zones("zone-a").ready()),
						set("10.1.2.3", "10.1.2.6"), set("10.1.2.3", "10.1.2.4"),
						set("10.1.2.3", "10.1.2.4", "10.1.2.6"), false),
				row("internalTrafficPolicy: Local, topology ignored for Local endpoints",
						spec().internalLocal().nodePort(), "zone-a",
						eps(ep("10.1.2.3").zones("zone-a").ready().local(),
								ep("10.1.2.4").zones("zone-b").ready().local(), ep("10.1.2.5").zones("zone-c").ready(),
								ep("10.1.2.6").zones("zone-a").ready()),
						set("10.1.2.3", "10.1.2.6"), set("10.1.2.3", "10.1.2.4"),
						set("10.1.2.3", "10.1.2.4", "10.1.2.6"), false),
				row("empty node labels", spec(), null, eps(ep("10.1.2.3").zones("zone-a").ready()), set("10.1.2.3"),
						null, null, false),
				row("empty zone label", spec(), "", eps(ep("10.1.2.3").zones("zone-a").ready()), set("10.1.2.3"), null,
						null, false),
				row("node in different zone, no endpoint filtering", spec(), "zone-b",
						eps(ep("10.1.2.3").zones("zone-a").ready()), set("10.1.2.3"), null, null, false),
				row("unready endpoint", spec(), "zone-a",
						eps(ep("10.1.2.3").zones("zone-a").ready(), ep("10.1.2.4").zones("zone-b").ready(),
								ep("10.1.2.5").zones("zone-c").ready(), ep("10.1.2.6").zones("zone-a")),
						set("10.1.2.3"), null, null, false),
				row("only unready endpoints in same zone (should not filter)", spec(), "zone-a",
						eps(ep("10.1.2.3").zones("zone-a"), ep("10.1.2.4").zones("zone-b").ready(),
								ep("10.1.2.5").zones("zone-c").ready(), ep("10.1.2.6").zones("zone-a")),
						set("10.1.2.4", "10.1.2.5"), null, null, false),
				row("missing hints, no filtering applied", spec(), "zone-a",
						eps(ep("10.1.2.3").zones("zone-a").ready(), ep("10.1.2.4").zones("zone-b").ready(),
								ep("10.1.2.5").ready(), ep("10.1.2.6").zones("zone-a").ready()),
						set("10.1.2.3", "10.1.2.4", "10.1.2.5", "10.1.2.6"), null, null, false),
				row("multiple hints per endpoint, filtering includes any endpoint with zone included", spec(), "zone-c",
						eps(ep("10.1.2.3").zones("zone-a", "zone-b", "zone-c").ready(),
								ep("10.1.2.4").zones("zone-b", "zone-c").ready(),
								ep("10.1.2.5").zones("zone-b", "zone-d").ready(),
								ep("10.1.2.6").zones("zone-c").ready()),
						set("10.1.2.3", "10.1.2.4", "10.1.2.6"), null, null, false),
				row("conflicting topology and localness require merging allEndpoints",
						spec().externalLocal().nodePort(), "zone-a",
						eps(ep("10.0.0.0").zones("zone-a").ready().local(),
								ep("10.0.0.1").zones("zone-b").ready().local(), ep("10.0.0.2").zones("zone-a").ready(),
								ep("10.0.0.3").zones("zone-b").ready()),
						set("10.0.0.0", "10.0.0.2"), set("10.0.0.0", "10.0.0.1"),
						set("10.0.0.0", "10.0.0.1", "10.0.0.2"), false),
				row("internalTrafficPolicy: Local, with empty endpoints", spec().internalLocal(), null, eps(), null,
						set(), null, false),
				row("internalTrafficPolicy: Local, but all endpoints are remote", spec().internalLocal(), null,
						eps(ep("10.0.0.0").ready(), ep("10.0.0.1").ready()), null, set(), null, true),
				row("internalTrafficPolicy: Local, all endpoints are local", spec().internalLocal(), null,
						eps(ep("10.0.0.0").ready().local(), ep("10.0.0.1").ready().local()), null,
						set("10.0.0.0", "10.0.0.1"), null, false),
				row("internalTrafficPolicy: Local, some endpoints are local", spec().internalLocal(), null,
						eps(ep("10.0.0.0").ready().local(), ep("10.0.0.1").ready()), null, set("10.0.0.0"), null,
						false),
				row("Cluster traffic policy, endpoints not Ready", spec(), null, eps(ep("10.0.0.0"), ep("10.0.0.1")),
						set(), null, null, false),
				row("Cluster traffic policy, some endpoints are Ready", spec(), null,
						eps(ep("10.0.0.0"), ep("10.0.0.1").ready()), set("10.0.0.1"), null, null, false),
				row("Cluster traffic policy, all endpoints are terminating", spec(), null,
						eps(ep("10.0.0.0").serving().terminating().local(), ep("10.0.0.1").serving().terminating()),
						set("10.0.0.0", "10.0.0.1"), null, null, false),
				row("iTP: Local, eTP: Cluster, some endpoints local", spec().internalLocal().nodePort(), null,
						eps(ep("10.0.0.0").ready().local(), ep("10.0.0.1").ready()), set("10.0.0.0", "10.0.0.1"),
						set("10.0.0.0"), set("10.0.0.0", "10.0.0.1"), false),
				row("iTP: Cluster, eTP: Local, some endpoints local", spec().externalLocal().nodePort(), null,
						eps(ep("10.0.0.0").ready().local(), ep("10.0.0.1").ready()), set("10.0.0.0", "10.0.0.1"),
						set("10.0.0.0"), set("10.0.0.0", "10.0.0.1"), false),
				row("iTP: Local, eTP: Local, some endpoints local", spec().internalLocal().externalLocal().nodePort(),
						null, eps(ep("10.0.0.0").ready().local(), ep("10.0.0.1").ready()), set("10.0.0.0", "10.0.0.1"),
						set("10.0.0.0"), set("10.0.0.0", "10.0.0.1"), false),
				row("iTP: Local, eTP: Local, all endpoints remote", spec().internalLocal().externalLocal().nodePort(),
						null, eps(ep("10.0.0.0").ready(), ep("10.0.0.1").ready()), set("10.0.0.0", "10.0.0.1"), set(),
						set("10.0.0.0", "10.0.0.1"), false),
				row("iTP: Local, eTP: Local, all endpoints remote and terminating",
						spec().internalLocal().externalLocal().nodePort(), null,
						eps(ep("10.0.0.0").serving().terminating(), ep("10.0.0.1").serving().terminating()),
						set("10.0.0.0", "10.0.0.1"), set(), set("10.0.0.0", "10.0.0.1"), true),
				row("iTP: Cluster, eTP: Local, with terminating endpoints", spec().externalLocal().nodePort(), null,
						eps(ep("10.0.0.0").ready(), ep("10.0.0.1").local(),
								ep("10.0.0.2").serving().terminating().local(), ep("10.0.0.3").serving().terminating()),
						set("10.0.0.0"), set("10.0.0.2"), set("10.0.0.0", "10.0.0.2"), false),
				row("externalTrafficPolicy ignored if not externally accessible", spec().externalLocal(), null,
						eps(ep("10.0.0.0").ready(), ep("10.0.0.1").ready().local()), set("10.0.0.0", "10.0.0.1"), null,
						set("10.0.0.0", "10.0.0.1"), false),
				row("no cluster endpoints for iTP:Local internal-only service", spec().internalLocal(), null,
						eps(ep("10.0.0.0").ready(), ep("10.0.0.1").ready().local()), null, set("10.0.0.1"),
						set("10.0.0.1"), false));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("upstreamRows")
	void categorizeShouldMatchUpstreamRow(String name, ServiceSpec spec, @Nullable String zone,
			List<Endpoint> endpoints, @Nullable Set<String> cluster, @Nullable Set<String> local,
			@Nullable Set<String> all, boolean onlyRemoteEndpoints) {
		CategorizedEndpoints result = EndpointCategorizer.categorize(spec.build(), endpoints, node(zone));
		assertSet(result.cluster(), cluster);
		assertSet(result.local(), local);
		Set<String> expectedAll = expectedAll(cluster, local, all);
		assertThat(ips(result.allReachable())).containsExactlyInAnyOrderElementsOf(expectedAll);
		assertThat(result.hasAnyEndpoints()).isEqualTo(!expectedAll.isEmpty() || onlyRemoteEndpoints);
	}

	@Test
	void upstreamTableShouldHaveAllTwentySixRows() {
		assertThat(upstreamRows()).hasSize(26);
	}

	static Stream<Arguments> nodeHintRows() {
		return Stream.of(
				row("every ready endpoint has a node hint and some are for this node: only those", spec(), "zone-a",
						eps(ep("10.0.0.1").zones("zone-a").nodes(NODE).ready().local(),
								ep("10.0.0.2").zones("zone-a").nodes(OTHER_NODE).ready(),
								ep("10.0.0.3").zones("zone-b").nodes("node-c").ready()),
						set("10.0.0.1"), null, null, false),
				row("one ready endpoint without a node hint: falls back to zone hints", spec(), "zone-a",
						eps(ep("10.0.0.1").zones("zone-a").nodes(NODE).ready().local(),
								ep("10.0.0.2").zones("zone-a").ready(),
								ep("10.0.0.3").zones("zone-b").nodes("node-c").ready()),
						set("10.0.0.1", "10.0.0.2"), null, null, false),
				row("node hints for other nodes only: falls back to zone hints", spec(), "zone-a",
						eps(ep("10.0.0.2").zones("zone-a").nodes(OTHER_NODE).ready(),
								ep("10.0.0.3").zones("zone-b").nodes("node-c").ready()),
						set("10.0.0.2"), null, null, false),
				row("node hints for other nodes and no zone match: no filtering", spec(), "zone-z",
						eps(ep("10.0.0.2").zones("zone-a").nodes(OTHER_NODE).ready(),
								ep("10.0.0.3").zones("zone-b").nodes("node-c").ready()),
						set("10.0.0.2", "10.0.0.3"), null, null, false),
				row("a node hint on an unready endpoint does not count", spec(), null,
						eps(ep("10.0.0.1").nodes(NODE).local(), ep("10.0.0.2").nodes(OTHER_NODE).ready()),
						set("10.0.0.2"), null, null, false),
				row("node hints never filter the Local set", spec().externalLocal().nodePort(), null,
						eps(ep("10.0.0.1").nodes(OTHER_NODE).ready().local(), ep("10.0.0.2").nodes(NODE).ready()),
						set("10.0.0.2"), set("10.0.0.1"), set("10.0.0.1", "10.0.0.2"), false));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("nodeHintRows")
	void categorizeWhenNodeHintsShouldPreferSameNode(String name, ServiceSpec spec, @Nullable String zone,
			List<Endpoint> endpoints, @Nullable Set<String> cluster, @Nullable Set<String> local,
			@Nullable Set<String> all, boolean onlyRemoteEndpoints) {
		categorizeShouldMatchUpstreamRow(name, spec, zone, endpoints, cluster, local, all, onlyRemoteEndpoints);
	}

	@Test
	void categorizeWhenNodesShareAClusterSetShouldReturnTheSameInstance() {
		Service service = spec().externalLocal().nodePort().build();
		List<Endpoint> endpoints = eps(ep("10.0.0.1").ready().local(), ep("10.0.0.2").ready());
		ServiceEndpoints index = ServiceEndpoints.of(service, endpoints);
		CategorizedEndpoints onA = index.categorize(NODE, null);
		CategorizedEndpoints onB = index.categorize(OTHER_NODE, null);
		CategorizedEndpoints onC = index.categorize("node-c", null);
		assertThat(onA.cluster()).isSameAs(onB.cluster()).isSameAs(onC.cluster());
		assertThat(onC.local()).isSameAs(EndpointSet.empty());
		assertThat(onA.local()).isNotSameAs(onB.local());
	}

	@Test
	void localReadyIpCountShouldCountDistinctReadyIpsOnly() {
		Service service = spec().externalLocal().nodePort().build();
		List<Endpoint> endpoints = eps(ep("10.0.0.1").ready().local(), ep("10.0.0.1").ready().local(),
				ep("10.0.0.2").serving().terminating().local(), ep("10.0.0.3").ready());
		ServiceEndpoints index = ServiceEndpoints.of(service, endpoints);
		assertThat(index.localReadyIpCount(NODE)).isEqualTo(1);
		assertThat(index.localReadyIpCount(OTHER_NODE)).isEqualTo(1);
		assertThat(index.localReadyIpCount("node-c")).isZero();
	}

	@Test
	void localReadyIpCountShouldCompareIpsWhoseHashesCollideAsText() {
		// "Aa" and "BB" have the same String hash: the count must still see two
		assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
		Service service = spec().externalLocal().nodePort().build();
		ServiceEndpoints index = ServiceEndpoints.of(service,
				eps(ep("Aa").ready().local(), ep("BB").ready().local(), ep("Aa").ready().local()));
		assertThat(index.localReadyIpCount(NODE)).isEqualTo(2);
	}

	@Test
	void localReadyIpCountShouldCountEachIpOnceOnANodeWithManyEndpoints() {
		// 51,000 Ready endpoints on one node, 1,000 of them listed twice (two slices)
		Service service = spec().externalLocal().nodePort().build();
		List<Endpoint> endpoints = new ArrayList<>();
		for (int i = 0; i < 51_000; i++) {
			int n = i % 50_000;
			endpoints.add(ep("10." + (n >> 16) + "." + ((n >> 8) & 255) + "." + (n & 255)).ready().local().build());
		}
		assertThat(ServiceEndpoints.of(service, endpoints).localReadyIpCount(NODE)).isEqualTo(50_000);
	}

	@ParameterizedTest(name = "externalTrafficPolicy Local: {0}")
	@ValueSource(booleans = { true, false })
	void hostsEndpointThatCanServeShouldFollowMetalLbsEndpointCanServe(boolean local) {
		// EndpointCanServe: ready, or serving; a serving endpoint that is neither Ready
		// nor terminating is no use to kube-proxy but still makes its node a candidate
		ServiceSpec spec = local ? spec().externalLocal().nodePort() : spec().nodePort();
		ServiceEndpoints servingOnly = ServiceEndpoints.of(spec.build(),
				eps(ep("10.0.0.1").serving().local(), ep("10.0.0.2")));
		assertThat(servingOnly.anyCanServe()).isTrue();
		assertThat(servingOnly.hostsEndpointThatCanServe(NODE)).isTrue();
		assertThat(servingOnly.hostsEndpointThatCanServe(OTHER_NODE)).isFalse();
		ServiceEndpoints none = ServiceEndpoints.of(spec.build(), eps(ep("10.0.0.1").terminating().local()));
		assertThat(none.anyCanServe()).isFalse();
		assertThat(none.hostsEndpointThatCanServe(NODE)).isFalse();
	}

	@Test
	void sortedIpsShouldOrderAddressesNumerically() {
		Service service = spec().build();
		List<Endpoint> endpoints = eps(ep("10.244.1.10").ready(), ep("10.244.1.9").ready(), ep("fd00::1").ready(),
				ep("10.244.0.200").ready());
		CategorizedEndpoints result = EndpointCategorizer.categorize(service, endpoints, node(null));
		assertThat(result.cluster().sortedIps()).containsExactly("10.244.0.200", "10.244.1.9", "10.244.1.10",
				"fd00::1");
	}

	private static void assertSet(@Nullable EndpointSet actual, @Nullable Set<String> expected) {
		if (expected == null) {
			assertThat(actual).isNull();
		}
		else {
			assertThat(actual).isNotNull();
			assertThat(ips(actual.endpoints())).containsExactlyInAnyOrderElementsOf(expected);
		}
	}

	/**
	 * As upstream: the union is the one set used, or the explicit expectation when both
	 * are used.
	 */
	private static Set<String> expectedAll(@Nullable Set<String> cluster, @Nullable Set<String> local,
			@Nullable Set<String> all) {
		if (cluster != null && local == null) {
			return cluster;
		}
		if (local != null && cluster == null) {
			return local;
		}
		return (all != null) ? all : Set.of();
	}

	private static List<String> ips(List<Endpoint> endpoints) {
		return endpoints.stream().map(Endpoint::ip).collect(Collectors.toList());
	}

	private static Node node(@Nullable String zone) {
		return new Node(NODE, (zone != null) ? Map.of("topology.kubernetes.io/zone", zone) : Map.of(),
				(zone == null || zone.isEmpty()) ? null : zone, "192.168.0.11", "10.244.1.0/24", "10.244.1.1",
				List.of(), false, true, false);
	}

	private static Arguments row(String name, ServiceSpec spec, @Nullable String zone, List<Endpoint> endpoints,
			@Nullable Set<String> cluster, @Nullable Set<String> local, @Nullable Set<String> all,
			boolean onlyRemoteEndpoints) {
		return Arguments.of(name, spec, zone, endpoints, cluster, local, all, onlyRemoteEndpoints);
	}

	private static Set<String> set(String... ips) {
		return Set.of(ips);
	}

	private static List<Endpoint> eps(Ep... endpoints) {
		List<Endpoint> result = new ArrayList<>();
		Arrays.stream(endpoints).forEach((endpoint) -> result.add(endpoint.build()));
		return result;
	}

	private static Ep ep(String ip) {
		return new Ep(ip);
	}

	private static ServiceSpec spec() {
		return new ServiceSpec();
	}

	/** Upstream's {@code BaseEndpointInfo}: every flag false unless set. */
	static final class Ep {

		private final String ip;

		private String[] zones = new String[0];

		private String[] nodes = new String[0];

		private boolean ready;

		private boolean serving;

		private boolean terminating;

		private boolean local;

		Ep(String ip) {
			this.ip = ip;
		}

		Ep zones(String... zones) {
			this.zones = zones;
			return this;
		}

		Ep nodes(String... nodes) {
			this.nodes = nodes;
			return this;
		}

		Ep ready() {
			this.ready = true;
			return this;
		}

		Ep serving() {
			this.serving = true;
			return this;
		}

		Ep terminating() {
			this.terminating = true;
			return this;
		}

		Ep local() {
			this.local = true;
			return this;
		}

		Endpoint build() {
			return new Endpoint(this.ip, this.local ? NODE : OTHER_NODE, null, this.ready, this.serving,
					this.terminating, Set.of(this.zones), Set.of(this.nodes), null);
		}

	}

	/** Upstream's {@code BaseServicePortInfo} flags. */
	static final class ServiceSpec {

		private boolean internalLocal;

		private boolean externalLocal;

		private boolean nodePort;

		ServiceSpec internalLocal() {
			this.internalLocal = true;
			return this;
		}

		ServiceSpec externalLocal() {
			this.externalLocal = true;
			return this;
		}

		ServiceSpec nodePort() {
			this.nodePort = true;
			return this;
		}

		Service build() {
			return ClusterFixtures.service("ns", "svc")
				.type(this.nodePort ? ServiceType.NODE_PORT : ServiceType.CLUSTER_IP)
				.nodePort(8080)
				.externalTrafficPolicy(this.externalLocal ? TrafficPolicy.LOCAL : TrafficPolicy.CLUSTER)
				.internalTrafficPolicy(this.internalLocal ? TrafficPolicy.LOCAL : TrafficPolicy.CLUSTER)
				.build();
		}

		@Override
		public String toString() {
			return "iTP " + (this.internalLocal ? "Local" : "Cluster") + ", eTP "
					+ (this.externalLocal ? "Local" : "Cluster") + (this.nodePort ? ", nodePort" : "");
		}

	}

}
