package io.trafficlab.export;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;

import io.trafficlab.engine.cluster.ClusterDeclaration;
import io.trafficlab.engine.simulation.Simulation;
import io.trafficlab.engine.simulation.SimulationCommand;
import io.trafficlab.engine.simulation.SimulationSettings;
import io.trafficlab.manifest.ManifestImporter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Export, then import: the same cluster, for every preset.
 */
class ManifestExporterTests {

	static Stream<String> presets() throws IOException {
		Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:presets/*.yaml");
		return Arrays.stream(resources).map(ManifestExporterTests::text);
	}

	@ParameterizedTest
	@MethodSource("presets")
	void exportThenImportShouldGiveTheSameDeclaration(String preset) {
		ClusterDeclaration declaration = Simulation.start(read(preset), SimulationSettings.defaults()).declaration();
		String yaml = ManifestExporter.yaml(declaration);
		assertThat(read(yaml)).isEqualTo(declaration);
		assertThat(Simulation.start(read(yaml), SimulationSettings.defaults()).declaration()).isEqualTo(declaration);
	}

	@ParameterizedTest
	@MethodSource("presets")
	void exportAfterCommandsShouldKeepThePlacementAndPolicy(String preset) {
		Simulation simulation = Simulation.start(read(preset), SimulationSettings.defaults());
		simulation
			.apply(new SimulationCommand.SetExternalTrafficPolicy(io.trafficlab.engine.model.TrafficPolicy.CLUSTER));
		ClusterDeclaration before = simulation.declaration();
		if (!before.pods().isEmpty()) {
			simulation.apply(new SimulationCommand.MovePod(before.pods().get(0).name(),
					before.nodes().get(before.nodes().size() - 1).name()));
		}
		simulation.advanceTo(simulation.now() + 1_000_000L, io.trafficlab.engine.simulation.EventSink.NONE);
		assertThat(
				Simulation.start(read(ManifestExporter.yaml(simulation.declaration())), SimulationSettings.defaults())
					.declaration())
			.isEqualTo(simulation.declaration());
		simulation.advanceTo(simulation.now() + 40_000_000L, io.trafficlab.engine.simulation.EventSink.NONE);
		ClusterDeclaration declaration = simulation.declaration();
		String yaml = ManifestExporter.yaml(declaration);
		assertThat(yaml).contains("externalTrafficPolicy: Cluster").doesNotContain("{}");
		assertThat(Simulation.start(read(yaml), SimulationSettings.defaults()).declaration()).isEqualTo(declaration);
	}

	private static ClusterDeclaration read(String yaml) {
		return new ManifestImporter().readDeclaration(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)))
			.declaration();
	}

	private static String text(Resource resource) {
		try {
			return resource.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
