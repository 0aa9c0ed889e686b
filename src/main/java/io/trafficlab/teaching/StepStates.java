package io.trafficlab.teaching;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;

import io.trafficlab.engine.cluster.ClusterDeclaration;
import io.trafficlab.engine.simulation.SimulatedBalancers;
import io.trafficlab.engine.simulation.SimulationSettings;
import io.trafficlab.manifest.ManifestImporter;

/**
 * Turns a step's {@link StepSandbox} into a {@link StepStart}: the preset's manifests
 * followed by the inline ones, read as the playground reads pasted manifests, then the
 * overrides.
 */
public final class StepStates {

	private final Function<String, Optional<String>> presets;

	private final ManifestImporter importer;

	/**
	 * @param presets a preset's manifests by name
	 * @param importer the manifest reader
	 */
	public StepStates(Function<String, Optional<String>> presets, ManifestImporter importer) {
		this.presets = presets;
		this.importer = importer;
	}

	/**
	 * @throws IllegalArgumentException for an unknown preset, manifests that do not read
	 * or a load balancer the simulation does not model, with the reason
	 */
	public StepStart resolve(StepSandbox sandbox) {
		StringBuilder manifests = new StringBuilder();
		if (sandbox.preset() != null) {
			manifests.append(this.presets.apply(sandbox.preset())
				.orElseThrow(() -> new IllegalArgumentException("unknown preset \"" + sandbox.preset()
						+ "\" (the presets are the files in src/main/resources/presets/)")));
		}
		if (sandbox.manifests() != null) {
			manifests.append(manifests.isEmpty() ? "" : "\n---\n").append(sandbox.manifests());
		}
		ClusterDeclaration declaration;
		try {
			declaration = this.importer
				.readDeclaration(new ByteArrayInputStream(manifests.toString().getBytes(StandardCharsets.UTF_8)))
				.declaration();
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("the manifests do not read: " + ex.getMessage(), ex);
		}
		if (sandbox.externalTrafficPolicy() != null) {
			declaration = declaration.withExternalTrafficPolicy(sandbox.externalTrafficPolicy());
		}
		SimulationSettings settings = SimulationSettings.defaults()
			.withSeed(sandbox.seed())
			.withLoadBalancer(sandbox.lb())
			.withKind(sandbox.loadBalancer())
			.withDataplane(sandbox.dataplane())
			.withNetwork(sandbox.network())
			.withConnectionsPerSecond(sandbox.clientRate());
		SimulatedBalancers.check(settings.kind());
		return new StepStart(declaration, settings, sandbox.speed(), sandbox.paused());
	}

}
