package io.trafficlab.engine.rules.iptables;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import io.trafficlab.engine.endpoint.ClusterFixtures;
import io.trafficlab.engine.model.Cluster;
import io.trafficlab.engine.model.Endpoint;
import io.trafficlab.engine.model.ServiceType;
import io.trafficlab.engine.model.TrafficPolicy;
import io.trafficlab.engine.rules.NodeRules;
import io.trafficlab.engine.rules.RulesScope;
import io.trafficlab.manifest.ManifestImporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.trafficlab.engine.endpoint.ClusterFixtures.endpoint;
import static io.trafficlab.engine.endpoint.ClusterFixtures.layout;
import static io.trafficlab.engine.endpoint.ClusterFixtures.nodes;
import static io.trafficlab.engine.endpoint.ClusterFixtures.web;

/**
 * Golden files for the upstream-shaped cases on the §8 cluster (n1/n2/n3, default/web)
 * and for presets, each file read line by line against {@code TestOverallIPTablesRules}'
 * shape. The default detector covers the three pod CIDRs: 10.244.0.0/22.
 */
class IptablesCaseTests {

	private final IptablesWriter writer = new IptablesWriter();

	@ParameterizedTest(name = "{0} on {1}")
	@CsvSource({ "cluster-ip, n1", "node-port, n3", "lb-local, n1", "lb-local, n3", "lb-cluster, n3",
			"no-endpoints, n1", "terminating-local, n1", "terminating-cluster, n2", "hairpin, n1", "source-ranges, n1",
			"internal-local, n3", "masquerade-all, n2" })
	void caseShouldMatchItsGoldenFile(String name, String node) {
		RulesScope scope = name.equals("masquerade-all") ? new RulesScope(null, null, true) : RulesScope.all();
		NodeRules rules = this.writer.write(cluster(name), node, scope);
		GoldenFiles.assertMatches("rules/iptables/" + name + "-" + node + ".txt", rules.text());
	}

	@ParameterizedTest(name = "{0} on {1}")
	@CsvSource({ "two-pods-three-nodes, n1", "two-pods-three-nodes, n3", "uneven-3-1-0, n2" })
	void presetShouldMatchItsGoldenFile(String preset, String node) {
		NodeRules rules = this.writer.write(preset(preset), node, RulesScope.all());
		GoldenFiles.assertMatches("rules/iptables/preset-" + preset + "-" + node + ".txt", rules.text());
	}

	static Cluster cluster(String name) {
		return switch (name) {
			case "cluster-ip" ->
				ClusterFixtures.cluster(nodes(3), ClusterFixtures.service("default", "web").build(), layout(3, 1, 0));
			case "node-port" -> ClusterFixtures.cluster(nodes(3),
					ClusterFixtures.service("default", "web")
						.type(ServiceType.NODE_PORT)
						.externalTrafficPolicy(TrafficPolicy.CLUSTER)
						.build(),
					layout(3, 1, 0));
			case "lb-local" -> ClusterFixtures.webCluster(TrafficPolicy.LOCAL, 3, 1, 0);
			case "lb-cluster", "masquerade-all" -> ClusterFixtures.webCluster(TrafficPolicy.CLUSTER, 3, 1, 0);
			case "no-endpoints" -> ClusterFixtures.webCluster(TrafficPolicy.LOCAL, 0, 0, 0);
			case "terminating-local", "terminating-cluster" -> ClusterFixtures.cluster(nodes(3),
					web(name.endsWith("local") ? TrafficPolicy.LOCAL : TrafficPolicy.CLUSTER).build(), terminating());
			case "hairpin" -> ClusterFixtures.cluster(nodes(3), ClusterFixtures.service("default", "web").build(),
					List.of(endpoint("10.244.1.10", "n1").build()));
			case "source-ranges" -> ClusterFixtures.cluster(nodes(3),
					web(TrafficPolicy.CLUSTER).loadBalancerSourceRanges("203.0.113.0/24", "192.168.0.0/24").build(),
					layout(3, 1, 0));
			case "internal-local" -> ClusterFixtures.cluster(nodes(3),
					ClusterFixtures.service("default", "web").internalTrafficPolicy(TrafficPolicy.LOCAL).build(),
					layout(3, 1, 0));
			default -> throw new IllegalArgumentException(name);
		};
	}

	/** n1's pods are all terminating but serving; n2's is Ready. */
	private static List<Endpoint> terminating() {
		List<Endpoint> endpoints = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			endpoints.add(endpoint(ClusterFixtures.podIp(1, i), "n1").servingTerminating().build());
		}
		endpoints.add(endpoint(ClusterFixtures.podIp(2, 0), "n2").build());
		return endpoints;
	}

	static Cluster preset(String name) {
		try (InputStream in = IptablesCaseTests.class.getResourceAsStream("/presets/" + name + ".yaml")) {
			if (in == null) {
				throw new IllegalArgumentException("no preset " + name);
			}
			return new ManifestImporter().read(in).cluster();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
