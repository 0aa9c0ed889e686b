package io.trafficlab.sandbox;

import java.util.List;

import io.trafficlab.engine.model.TrafficPolicy;
import io.trafficlab.engine.simulation.SimulationCommand.SetExternalTrafficPolicy;
import io.trafficlab.engine.simulation.SimulationEvent.ServiceUpdated;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page shows the Service as YAML the server wrote (fabric8, as an export writes it):
 * in every snapshot, and in every ServiceUpdated after a change.
 */
class SandboxServiceYamlTests {

	private final SandboxRegistry registry = TestSandboxes.registry();

	@Test
	void snapshotShouldCarryTheFollowedServiceAsKubectlShowsIt() {
		Sandbox sandbox = this.registry.createFromPreset("uneven-3-1-0", 1L);
		String yaml = sandbox.snapshot().serviceYaml();
		assertThat(yaml).startsWith("apiVersion: v1\nkind: Service\n")
			.contains("  name: web\n", "  externalTrafficPolicy: Local\n", "  healthCheckNodePort: ", "    nodePort: ",
					"    - hostname: k8s-default-web-");
		assertThat(sandbox.manifests()).contains(yaml);
	}

	@Test
	void serviceUpdatedShouldCarryTheServiceAfterTheChange() {
		Sandbox sandbox = this.registry.createFromPreset("uneven-3-1-0", 1L);
		String before = sandbox.snapshot().serviceYaml();
		sandbox.apply(new SetExternalTrafficPolicy(TrafficPolicy.CLUSTER));
		EventBatch batch = sandbox.tick(50_000, 0, true);
		assertThat(batch).isNotNull();
		List<ServiceUpdated> updates = batch.events()
			.stream()
			.filter(ServiceUpdated.class::isInstance)
			.map(ServiceUpdated.class::cast)
			.toList();
		assertThat(updates).singleElement().satisfies((update) -> {
			assertThat(update.serviceYaml()).isEqualTo(sandbox.snapshot().serviceYaml())
				.contains("  externalTrafficPolicy: Cluster\n")
				.doesNotContain("healthCheckNodePort")
				.isNotEqualTo(before);
		});
	}

	@Test
	void resetShouldKeepRenderingTheService() {
		Sandbox sandbox = this.registry.createFromPreset("uneven-3-1-0", 1L);
		this.registry.reset(sandbox);
		sandbox.apply(new SetExternalTrafficPolicy(TrafficPolicy.CLUSTER));
		EventBatch batch = sandbox.tick(50_000, 0, true);
		assertThat(batch).isNotNull();
		assertThat(batch.events()).filteredOn(ServiceUpdated.class::isInstance)
			.singleElement()
			.extracting((event) -> ((ServiceUpdated) event).serviceYaml())
			.isEqualTo(sandbox.snapshot().serviceYaml());
	}

}
