package io.trafficlab.engine.rules.nftables;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import io.trafficlab.engine.model.Cluster;
import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.model.ServiceType;
import io.trafficlab.engine.rules.NodeRules;
import io.trafficlab.engine.rules.RuleChain;
import io.trafficlab.engine.rules.RulesScope;
import io.trafficlab.manifest.ManifestImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.trafficlab.engine.endpoint.ClusterFixtures.CLIENT;
import static io.trafficlab.engine.endpoint.ClusterFixtures.WEB;
import static io.trafficlab.engine.endpoint.ClusterFixtures.cluster;
import static io.trafficlab.engine.endpoint.ClusterFixtures.endpoint;
import static io.trafficlab.engine.endpoint.ClusterFixtures.layout;
import static io.trafficlab.engine.endpoint.ClusterFixtures.nodes;
import static io.trafficlab.engine.endpoint.ClusterFixtures.service;
import static io.trafficlab.engine.endpoint.ClusterFixtures.web;
import static io.trafficlab.engine.model.TrafficPolicy.CLUSTER;
import static io.trafficlab.engine.model.TrafficPolicy.LOCAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Golden tests for {@link NftablesWriter}: the upstream-shaped cases and two presets.
 */
class NftablesWriterTests {

	private final NftablesWriter writer = new NftablesWriter();

	@Test
	void upstreamOverallScenarioShouldMatchItsGolden() throws IOException {
		NodeRules rules = this.writer.write(UpstreamScenario.cluster(), UpstreamScenario.NODE,
				new RulesScope(null, UpstreamScenario.POD_CIDR, false));
		GoldenFiles.assertMatches("upstream-overall", rules.text());
	}

	@Test
	void chainNamesShouldBeKubeProxysHashes() {
		assertThat(new NftablesNames().servicePortBase("ns1", "svc1", "tcp", "p80"))
			.isEqualTo("ULMVA6XW-ns1/svc1/tcp/p80");
		assertThat(new NftablesNames().endpointBase("ns1", "svc1", "tcp", "p80", "10.180.0.1", 80))
			.isEqualTo("5OJB2KTY-ns1/svc1/tcp/p80__10.180.0.1/80");
	}

	@Test
	void clusterIpOnly() throws IOException {
		Service svc = service("default", "web").build();
		assertGolden("clusterip", cluster(nodes(3), svc, layout(1, 1, 0)), "n3");
	}

	@Test
	void nodePort() throws IOException {
		Service svc = service("default", "web").type(ServiceType.NODE_PORT).portName("http").build();
		assertGolden("nodeport", cluster(nodes(3), svc, layout(3, 1, 0)), "n2");
	}

	@Test
	void loadBalancerLocalOnANodeWithPods() throws IOException {
		assertGolden("loadbalancer-local", cluster(nodes(3), web(LOCAL).build(), layout(3, 1, 0)), "n1");
	}

	@Test
	void loadBalancerLocalOnANodeWithoutPodsDrops() throws IOException {
		assertGolden("loadbalancer-local-no-local-endpoints", cluster(nodes(3), web(LOCAL).build(), layout(3, 1, 0)),
				"n3");
	}

	@Test
	void loadBalancerCluster() throws IOException {
		assertGolden("loadbalancer-cluster", cluster(nodes(3), web(CLUSTER).build(), layout(3, 1, 0)), "n3");
	}

	@Test
	void noEndpointsRejects() throws IOException {
		assertGolden("no-endpoints", cluster(nodes(3), web(LOCAL).externalIps("192.0.2.50").build(), layout(0, 0, 0)),
				"n1");
	}

	@Test
	void terminatingEndpoints() throws IOException {
		Cluster terminating = cluster(nodes(3), web(LOCAL).build(), List.of(endpoint("10.244.1.10", "n1").build(),
				endpoint("10.244.2.10", "n2").servingTerminating().build()));
		assertGolden("terminating", terminating, "n2");
	}

	@Test
	void hairpinAndInternalTrafficPolicyLocal() throws IOException {
		Service svc = service("default", "web").internalTrafficPolicy(LOCAL).clientIpAffinity().build();
		assertGolden("hairpin-itp-local", cluster(nodes(3), svc, layout(2, 1, 0)), "n1");
	}

	@Test
	void loadBalancerSourceRanges() throws IOException {
		Service svc = web(CLUSTER).loadBalancerSourceRanges("203.0.113.0/24", "192.168.0.0/24").build();
		assertGolden("source-ranges", cluster(nodes(3), svc, layout(3, 1, 0)), "n1");
	}

	@ParameterizedTest
	@ValueSource(strings = { "uneven-3-1-0", "two-pods-three-nodes" })
	void presets(String preset) throws IOException {
		Cluster imported;
		try (InputStream in = getClass().getResourceAsStream("/presets/" + preset + ".yaml")) {
			imported = new ManifestImporter().read(in).cluster();
		}
		for (String node : List.of("n1", "n3")) {
			GoldenFiles.assertMatches("preset-" + preset + "-" + node,
					this.writer.write(imported, node, RulesScope.all()).text());
		}
	}

	@Test
	void scopeShouldKeepOnlyTheServiceAndTheSharedChains() {
		Service other = service("default", "other").clusterIp("10.96.0.60").build();
		Cluster two = new Cluster(nodes(3), List.of(web(CLUSTER).build(), other),
				java.util.Map.of(WEB, layout(1, 0, 0), other.ref(), layout(0, 1, 0)), List.of());
		NodeRules scoped = this.writer.write(two, "n1", new RulesScope(WEB, null, false));
		NodeRules all = this.writer.write(two, "n1", RulesScope.all());
		assertThat(scoped.text()).contains("default/web").doesNotContain("default/other");
		assertThat(all.text()).contains("default/other");
		assertThat(scoped.chains()).extracting(RuleChain::name).contains("services", "mark-for-masquerade");
	}

	@Test
	void chainsShouldCarryTheTextsRuleLines() {
		NodeRules rules = this.writer.write(cluster(nodes(3), web(LOCAL).build(), layout(3, 1, 0)), "n1",
				RulesScope.all());
		for (RuleChain chain : rules.chains()) {
			assertThat(chain.table()).isEqualTo("kube-proxy");
			for (String rule : chain.rules()) {
				assertThat(rules.text().lines()).contains(rule);
				assertThat(rule).startsWith("add rule ip kube-proxy " + chain.name() + " ");
			}
		}
		assertThat(rules.text()).doesNotContain(CLIENT);
	}

	@Test
	void masqueradeAllAndNoDetectorShouldChangeTheClusterIpRule() {
		Cluster web = cluster(nodes(3), web(LOCAL).build(), layout(3, 1, 0));
		assertThat(this.writer.write(web, "n1", new RulesScope(WEB, null, true)).text())
			.contains("ip daddr 10.96.0.50 jump mark-for-masquerade");
		assertThat(this.writer.write(web, "n1", new RulesScope(WEB, null, false)).text())
			.contains("ip daddr 10.96.0.50 ip saddr != 10.244.0.0/22 jump mark-for-masquerade");
		assertThat(this.writer.write(web, "n1", new RulesScope(WEB, "none", false)).text())
			.doesNotContain("ip daddr 10.96.0.50")
			.doesNotContain("short-circuit pod traffic");
	}

	@Test
	void unknownNodeOrServiceShouldBeNamed() {
		Cluster web = cluster(nodes(3), web(LOCAL).build(), layout(3, 1, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> this.writer.write(web, "n9", RulesScope.all()))
			.withMessageStartingWith("node:");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.writer.write(web, "n1",
					new RulesScope(new io.trafficlab.engine.model.ServiceRef("default", "nope"), null, false)))
			.withMessageStartingWith("service:");
	}

	private void assertGolden(String name, Cluster cluster, String node) throws IOException {
		GoldenFiles.assertMatches(name, this.writer.write(cluster, node, new RulesScope(WEB, null, false)).text());
	}

}
