package io.trafficlab.sandbox;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import io.trafficlab.engine.analysis.AnalysisOptions;
import io.trafficlab.engine.analysis.ClusterAnalyzer;
import io.trafficlab.engine.analysis.ServiceAnalysis;
import io.trafficlab.engine.model.Cluster;
import io.trafficlab.engine.model.Node;
import io.trafficlab.manifest.ManifestImporter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PresetCatalog} and the bundled presets.
 */
class PresetCatalogTests {

	private final PresetCatalog catalog = new PresetCatalog();

	@Test
	void allShouldListTheFivePresetsWithTheDefaultFirst() {
		assertThat(this.catalog.all()).extracting(Preset::name)
			.containsExactly("two-pods-three-nodes", "empty", "rolling-update-local", "six-replicas-spread",
					"uneven-3-1-0");
	}

	@Test
	void allShouldGiveEveryPresetATitleAndADescription() {
		assertThat(this.catalog.all()).allSatisfy((preset) -> {
			assertThat(preset.title()).isNotBlank().isNotEqualTo(preset.name());
			assertThat(preset.description()).hasSizeGreaterThan(40);
		});
	}

	@Test
	void presetsWhenImportedShouldBeValidClustersWithOneLoadBalancerService() {
		for (Preset preset : this.catalog.all()) {
			Cluster cluster = imported(preset);
			assertThat(cluster.services()).as(preset.name()).hasSize(1);
			assertThat(cluster.nodes()).as(preset.name()).hasSize(3);
		}
	}

	/**
	 * The sandbox's AWS NLB spreads per zone (cross-zone off): with one node per zone
	 * that is the even spread over nodes every preset's numbers assume.
	 */
	@Test
	void everyPresetShouldPutOneNodeInEachZone() {
		for (Preset preset : this.catalog.all()) {
			assertThat(imported(preset).nodes()).as(preset.name())
				.extracting(Node::zone)
				.doesNotContainNull()
				.doesNotHaveDuplicates();
		}
	}

	@Test
	void presetsWhenImportedShouldPlaceThePodsAsTheirDescriptionsSay() {
		assertThat(podsPerNode("uneven-3-1-0")).isEqualTo("n1=3 n2=1 n3=0");
		assertThat(podsPerNode("six-replicas-spread")).isEqualTo("n1=2 n2=2 n3=2");
		assertThat(podsPerNode("empty")).isEqualTo("n1=0 n2=0 n3=0");
		assertThat(podsPerNode("rolling-update-local")).isEqualTo("n1=1 n2=1 n3=1");
		assertThat(podsPerNode("two-pods-three-nodes")).matches("n1=[01] n2=[01] n3=[01]").contains("=0");
	}

	@Test
	void rollingUpdateShouldStartWithN1PassingAndN2DrainingToItsTerminatingPod() {
		Cluster cluster = imported(this.catalog.find("rolling-update-local").orElseThrow());
		ServiceAnalysis web = new ClusterAnalyzer().analyze(cluster, AnalysisOptions.defaults()).services().get(0);
		assertThat(web.hasAnyEndpoints()).isTrue();
		assertThat(web.nodes()).extracting((node) -> node.name() + "=" + node.healthCheck().status())
			.containsExactly("n1=200", "n2=503", "n3=503");
		// R4/R17: n2 fails its health check, but its Local set still holds the
		// terminating pod
		assertThat(web.nodes().get(1).localEndpoints()).hasSize(1);
		assertThat(web.nodes().get(2).localEndpoints()).isEmpty();
	}

	@Test
	void findWhenUnknownShouldBeEmpty() {
		assertThat(this.catalog.find("nope")).isEmpty();
		assertThat(this.catalog.find(null)).isEmpty();
	}

	private String podsPerNode(String name) {
		Cluster cluster = imported(this.catalog.find(name).orElseThrow());
		StringBuilder text = new StringBuilder();
		for (var node : cluster.nodes()) {
			long pods = cluster.pods().stream().filter((pod) -> node.name().equals(pod.nodeName())).count();
			text.append(text.isEmpty() ? "" : " ").append(node.name()).append('=').append(pods);
		}
		return text.toString();
	}

	private static Cluster imported(Preset preset) {
		return new ManifestImporter()
			.read(new ByteArrayInputStream(preset.manifests().getBytes(StandardCharsets.UTF_8)))
			.cluster();
	}

}
