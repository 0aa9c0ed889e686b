package io.trafficlab.engine.simulation;

import java.util.List;

import io.trafficlab.engine.apiserver.DeclaredService;
import io.trafficlab.engine.apiserver.DeclaredServicePort;
import io.trafficlab.engine.apiserver.InvalidObjectException;
import io.trafficlab.engine.cluster.ClusterDeclaration;
import io.trafficlab.engine.model.ServiceRef;
import io.trafficlab.engine.simulation.SimulationCommand.DeletePod;
import io.trafficlab.engine.simulation.SimulationEvent.PodTerminating;
import io.trafficlab.engine.simulation.SimulationSnapshot.NodeState;
import io.trafficlab.engine.simulation.SimulationSnapshot.PodStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

class SimulationStartTests {

	@Test
	void startShouldBeInTheSteadyState() {
		Simulation simulation = Simulation.start(Presets.uneven310("Local"), SimulationSettings.defaults());
		SimulationSnapshot snapshot = simulation.snapshot();
		assertThat(snapshot.now()).isZero();
		assertThat(snapshot.nodes())
			.extracting(NodeState::name, NodeState::internalIp, NodeState::probeStatus, NodeState::verdict)
			.containsExactly(tuple("n1", "192.168.0.11", 200, TargetState.HEALTHY),
					tuple("n2", "192.168.0.12", 200, TargetState.HEALTHY),
					tuple("n3", "192.168.0.13", 503, TargetState.UNHEALTHY));
		assertThat(snapshot.nodes()).allSatisfy((node) -> {
			assertThat(node.consecutive()).isEqualTo(2);
			assertThat(node.probeTarget()).isEqualTo(node.internalIp() + ":32000/healthz");
		});
		assertThat(snapshot.pods()).allSatisfy((pod) -> assertThat(pod.status()).isEqualTo(PodStatus.READY));
		// issue 11: the AWS Load Balancer Controller publishes the NLB's hostname and no
		// IP
		// (the preset declared 198.51.100.10)
		assertThat(snapshot.service().loadBalancerIps()).isEmpty();
		assertThat(snapshot.loadBalancerHostname())
			.matches("k8s-default-web-[0-9a-f]{10}\\.elb\\.us-east-1\\.amazonaws\\.com");
		assertThat(snapshot.clientIps()).isEqualTo(SimulationSettings.DEFAULT_CLIENT_IPS);
		assertThat(simulation.service()).isEqualTo(new ServiceRef("default", "web"));
	}

	@Test
	void startWithoutAServiceOrSelectorShouldSaySo() {
		ClusterDeclaration noService = Presets.cluster(Presets.threeNodes(), List.of());
		assertThatIllegalArgumentException().isThrownBy(() -> Simulation.start(noService, Presets.settings(1)))
			.withMessage("The manifests have no Service, so there is nothing for external clients to reach.");
		DeclaredService manual = DeclaredService.builder("default", "web")
			.type("NodePort")
			.port(DeclaredServicePort.tcp(80, 8080))
			.build();
		ClusterDeclaration noSelector = Presets.cluster(Presets.threeNodes(), List.of(manual));
		assertThatIllegalArgumentException().isThrownBy(() -> Simulation.start(noSelector, Presets.settings(1)))
			.withMessageStartingWith("Service default/web has no selector");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Simulation.start(Presets.uneven310("Local"), Presets.settings(1),
					new ServiceRef("default", "api")))
			.withMessage("There is no Service default/api in the manifests.");
	}

	@Test
	void startWithAnObjectTheApiServerRejectsShouldFailLikeTheImporter() {
		DeclaredService bad = DeclaredService.builder("default", "web")
			.selector(Presets.WEB)
			.port(DeclaredServicePort.tcp(80, 8080))
			.externalTrafficPolicy("Local")
			.build();
		ClusterDeclaration declaration = Presets.cluster(Presets.threeNodes(), List.of(bad));
		assertThatExceptionOfType(InvalidObjectException.class)
			.isThrownBy(() -> Simulation.start(declaration, Presets.settings(1)))
			.withMessageContaining("may only be set for externally-accessible services");
	}

	@Test
	void settingsWithBadValuesShouldSayWhatIsWrong() {
		SimulationSettings defaults = SimulationSettings.defaults();
		assertThatIllegalArgumentException().isThrownBy(() -> defaults.withClientIps(List.of()))
			.withMessage("A sandbox has 1 to 16 external clients, not 0.");
		assertThatIllegalArgumentException().isThrownBy(() -> defaults.withClientIps(List.of("1.2.3")))
			.withMessage("The client address \"1.2.3\" is not an IPv4 address.");
		assertThatIllegalArgumentException().isThrownBy(() -> defaults.withConnectionsPerSecond(5_000))
			.withMessage("The client rate must be between 0 and 1,000 new connections per second, not 5000.0.");
		assertThatIllegalArgumentException().isThrownBy(() -> defaults.withTimings(0, 0, 0, 0))
			.withMessage("The hop latency must be between 1 µs and one hour, not 0 µs.");
		assertThatIllegalArgumentException().isThrownBy(() -> new LoadBalancerProbe(10_000_000, 6_000_000, 0, 2))
			.withMessage("The healthy threshold must be 1 to 10, not 0.");
		assertThat(LoadBalancerProbe.awsNlbDefaults()).isEqualTo(new LoadBalancerProbe(10_000_000, 6_000_000, 2, 2));
	}

	@Test
	void commandEventsShouldComeFirstInTheNextAdvanceAndNeverReachASinkThatWantsNone() {
		Simulation simulation = Simulation.start(Presets.uneven310("Local"), Presets.settings(1));
		EventSink refusing = new EventSink() {

			@Override
			public void accept(SimulationEvent event) {
				throw new AssertionError("built and delivered " + event);
			}

			@Override
			public boolean wantsEvents() {
				return false;
			}

		};
		simulation.apply(new DeletePod("web-1"));
		assertThat(simulation.advanceTo(40_000_000, refusing)).isPositive();
		simulation.apply(new DeletePod("web-2"));
		Recorder recorder = new Recorder();
		simulation.advanceTo(40_000_000, recorder);
		assertThat(recorder.events).singleElement().isInstanceOf(PodTerminating.class);
	}

	@Test
	void eventsShouldBeInTimeOrder() {
		Simulation simulation = Simulation.start(Presets.twoPodsThreeNodes(), Presets.settings(2));
		Recorder recorder = new Recorder();
		simulation.advanceTo(60_000_000, recorder);
		assertThat(recorder.events).extracting(SimulationEvent::time).isSorted();
		assertThatIllegalArgumentException().isThrownBy(() -> simulation.advanceTo(10, recorder))
			.withMessageContaining("only moves forward");
	}

}
