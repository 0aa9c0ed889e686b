package io.trafficlab.engine.simulation;

import java.util.List;

import io.trafficlab.engine.apiserver.DeclaredService;
import io.trafficlab.engine.apiserver.InvalidObjectException;
import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.model.TrafficPolicy;
import io.trafficlab.engine.simulation.SimulationCommand.UpdateService;
import io.trafficlab.engine.simulation.SimulationEvent.ServiceUpdated;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link UpdateService}: {@code kubectl edit} of the followed Service, the API
 * server's update rules first, then the fields the simulation follows.
 */
class ServiceEditTests {

	@Test
	void editToClusterWithThePortLeftShouldReleaseItAndEmitOneEventPerField() {
		Simulation simulation = Simulation.start(Presets.uneven310("Local"), Presets.settings(3));
		DeclaredService stored = simulation.declaredService();
		int port = stored.healthCheckNodePort();
		Recorder recorder = new Recorder();
		simulation.apply(new UpdateService(stored.toBuilder().externalTrafficPolicy("Cluster").build()));
		simulation.advanceTo(1_000, recorder);
		Service service = simulation.cluster().services().get(0);
		assertThat(service.externalTrafficPolicy()).isEqualTo(TrafficPolicy.CLUSTER);
		assertThat(service.healthCheckNodePort()).isZero();
		assertThat(recorder.all(ServiceUpdated.class))
			.extracting(ServiceUpdated::field, ServiceUpdated::from, ServiceUpdated::to)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("spec.externalTrafficPolicy", "Local", "Cluster"),
					org.assertj.core.groups.Tuple.tuple("spec.healthCheckNodePort", Integer.toString(port), ""));
		assertThat(recorder.all(ServiceUpdated.class))
			.allSatisfy((event) -> assertThat(event.healthCheckNodePort()).isZero());
	}

	@Test
	void aRefusedEditShouldChangeNothing() {
		Simulation simulation = Simulation.start(Presets.uneven310("Local"), Presets.settings(3));
		DeclaredService stored = simulation.declaredService();
		DeclaredService request = stored.withHealthCheckNodePort(stored.healthCheckNodePort() + 1);
		assertThatExceptionOfType(InvalidObjectException.class)
			.isThrownBy(() -> simulation.apply(new UpdateService(request)))
			.satisfies((ex) -> assertThat(ex.messages()).containsExactly(
					"Service \"web\" is invalid: spec.healthCheckNodePort: Forbidden: field is immutable"));
		assertThat(simulation.declaredService()).isEqualTo(stored);
	}

	@Test
	void aTypeChangeShouldBeRefusedByNameAndChangeNothing() {
		Simulation simulation = Simulation.start(Presets.uneven310("Cluster"), Presets.settings(3));
		DeclaredService stored = simulation.declaredService();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> simulation.check(new UpdateService(stored.toBuilder().type("NodePort").build())))
			.withMessageContaining("cannot follow a change to spec.type while it runs");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> simulation.apply(new UpdateService(stored.toBuilder().type("NodePort").build())));
		assertThat(simulation.declaredService()).isEqualTo(stored);
	}

	@Test
	void checkShouldChangeNothingEvenForAnAcceptedEdit() {
		Simulation simulation = Simulation.start(Presets.uneven310("Local"), Presets.settings(3));
		DeclaredService stored = simulation.declaredService();
		simulation.check(new UpdateService(stored.toBuilder().externalTrafficPolicy("Cluster").build()));
		assertThat(simulation.declaredService()).isEqualTo(stored);
	}

	@Test
	void editsOfFollowedFieldsShouldBeListedAndOthersRefused() {
		Simulation simulation = Simulation.start(Presets.uneven310("Local"), Presets.settings(3));
		DeclaredService before = simulation.declaredService();
		ServiceEdit edit = ServiceEdit.between(before,
				before.toBuilder().sessionAffinity("ClientIP").selector(java.util.Map.of("app", "shop")).build());
		assertThat(edit.followed()).extracting(ServiceEdit.Change::field).containsExactly("spec.sessionAffinity");
		assertThat(edit.refused()).isEqualTo(List.of("spec.selector"));
	}

}
