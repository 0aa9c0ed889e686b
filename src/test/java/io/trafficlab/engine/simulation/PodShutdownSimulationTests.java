package io.trafficlab.engine.simulation;

import java.util.ArrayList;
import java.util.List;

import io.trafficlab.engine.cluster.ClusterDeclaration;
import io.trafficlab.engine.cluster.ContainerShutdown;
import io.trafficlab.engine.cluster.DeclaredPod;
import io.trafficlab.engine.cluster.PodShutdown;
import io.trafficlab.engine.cluster.PreStopHook;
import io.trafficlab.engine.model.Endpoint;
import io.trafficlab.engine.model.ServiceRef;
import io.trafficlab.engine.simulation.SimulationCommand.DeletePod;
import io.trafficlab.engine.simulation.SimulationEvent.ConnectionDropped;
import io.trafficlab.engine.simulation.SimulationEvent.ConnectionRejected;
import io.trafficlab.engine.simulation.SimulationEvent.ConnectionReset;
import io.trafficlab.engine.simulation.SimulationEvent.ConnectionRouted;
import io.trafficlab.engine.simulation.SimulationEvent.PodDeleted;
import io.trafficlab.engine.simulation.SimulationEvent.PodStoppedServing;
import io.trafficlab.engine.simulation.SimulationEvent.PodTerminating;
import io.trafficlab.engine.simulation.SimulationSnapshot.PodState;
import io.trafficlab.engine.simulation.SimulationSnapshot.PodStatus;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each pod shuts down as its own spec says: its grace period, its preStop hook and what
 * its app does on SIGTERM decide how long it serves once deleted; then its endpoint turns
 * {@code serving=false}, kube-proxy's terminating fallback (R4) drops it, and what still
 * reaches it is refused.
 */
class PodShutdownSimulationTests {

	private static final String AGNHOST = "registry.k8s.io/e2e-test-images/agnhost:2.53";

	private static final long DELETED_AT = 10_000_000L;

	private static final ServiceRef WEB = new ServiceRef("default", "web");

	/** 100 ms per hop: a connection lives 700 ms, so some are in flight at any moment. */
	private static final SimulationSettings SLOW_HOPS = Presets.settings(2)
		.withTimings(1_000_000, 5_000_000, 30_000_000, 100_000);

	@ParameterizedTest(name = "grace {0}, preStop {1}, netexec {2}: serves until {3} s, deleted at {4} s")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			# grace | preStop sleep | netexec flag         | stops serving s | deleted s
			  -     | -             | -                    | 10              | 10
			  -     | 15            | -                    | 25              | 25
			  -     | -             | --delay-shutdown=12  | 22              | 22
			  -     | 15            | --delay-shutdown=12  | 37              | 37
			  -     | 45            | -                    | 40              | 40
			  20    | -             | --delay-shutdown=40  | 30              | 30
			  60    | 50            | -                    | 60              | 60
			""")
	void aDeletedPodShouldServeAsItsSpecSays(@Nullable Long grace, @Nullable Long preStop, @Nullable String flag,
			long stopsServing, long deleted) {
		Simulation simulation = Simulation.start(web4(netexecPod(grace, preStop, flag)), Presets.settings(2));
		Recorder recorder = Recorder.around(simulation, DELETED_AT, new DeletePod("web-4"), 80_000_000L);

		PodTerminating terminating = recorder.first(PodTerminating.class, (event) -> event.pod().equals("web-4"));
		assertThat(terminating.stopsServingAt()).isEqualTo(stopsServing * 1_000_000L);
		assertThat(terminating.deletesAt()).isEqualTo(deleted * 1_000_000L);
		assertThat(terminating.serving()).isTrue();
		assertThat(recorder.first(PodStoppedServing.class, (event) -> event.pod().equals("web-4")).time())
			.isEqualTo(stopsServing * 1_000_000L);
		assertThat(recorder.first(PodDeleted.class, (event) -> event.pod().equals("web-4")).time())
			.isEqualTo(deleted * 1_000_000L);
	}

	@Test
	void aPodTheNodeControllerMarkedNotReadyShouldNotServeOnceDeleted() {
		Simulation simulation = Simulation.start(Presets.uneven310("Local"), Presets.settings(2));
		simulation.advanceTo(1_000_000, EventSink.NONE);
		simulation.apply(new SimulationCommand.KillNode("n2"));
		simulation.advanceTo(2_000_000 + NodeLifecycle.NODE_MONITOR_GRACE_MICROS, EventSink.NONE);
		Recorder recorder = Recorder.after(simulation, 3_000_000 + NodeLifecycle.NODE_MONITOR_GRACE_MICROS,
				new DeletePod("web-4"), 4_000_000 + NodeLifecycle.NODE_MONITOR_GRACE_MICROS);
		// its Ready condition is False: the endpoint is neither ready nor serving
		assertThat(recorder.first(PodTerminating.class, (event) -> event.pod().equals("web-4")).serving()).isFalse();
	}

	@Test
	void theEventsShouldSayWhyThePodStopsServing() {
		Simulation simulation = Simulation.start(web4(netexecPod(null, 15L, null)), Presets.settings(2));
		Recorder recorder = Recorder.around(simulation, DELETED_AT, new DeletePod("web-4"), 30_000_000L);
		String why = "web: preStop sleep 15 s ended, then the app exited on SIGTERM (agnhost netexec exits at once on "
				+ "SIGTERM (no --delay-shutdown))";
		assertThat(recorder.first(PodTerminating.class, (event) -> true).shutdown()).isEqualTo(why);
		assertThat(recorder.first(PodStoppedServing.class, (event) -> true).reason()).isEqualTo(why);
	}

	@Test
	void theEndpointShouldBeServingAndTerminatingUntilTheAppExitsThenNotServing() {
		Simulation simulation = Simulation.start(web4(appThenSidecar()), Presets.settings(2));
		simulation.advanceTo(DELETED_AT, EventSink.NONE);
		assertThat(web4Endpoint(simulation)).extracting(Endpoint::ready, Endpoint::serving, Endpoint::terminating)
			.containsExactly(true, true, false);
		simulation.apply(new DeletePod("web-4"));
		simulation.advanceTo(DELETED_AT + 1_000_000L, EventSink.NONE);
		assertThat(web4Endpoint(simulation)).extracting(Endpoint::ready, Endpoint::serving, Endpoint::terminating)
			.containsExactly(false, true, true);
		simulation.advanceTo(DELETED_AT + 21_000_000L, EventSink.NONE);
		assertThat(web4Endpoint(simulation)).extracting(Endpoint::ready, Endpoint::serving, Endpoint::terminating)
			.containsExactly(false, false, true);
		simulation.advanceTo(DELETED_AT + 29_000_000L, EventSink.NONE);
		assertThat(simulation.cluster().endpointsOf(WEB)).extracting(Endpoint::podName).doesNotContain("web-4");
	}

	@Test
	void theSnapshotShouldSayWhenATerminatingPodStopsServingAndWhetherItStillServes() {
		Simulation simulation = Simulation.start(web4(appThenSidecar()), Presets.settings(2));
		simulation.advanceTo(DELETED_AT, EventSink.NONE);
		assertThat(Snapshots.pod(simulation, "web-4"))
			.extracting(PodState::status, PodState::serving, PodState::stopsServingAt)
			.containsExactly(PodStatus.READY, true, -1L);
		simulation.apply(new DeletePod("web-4"));
		simulation.advanceTo(DELETED_AT + 1_000_000L, EventSink.NONE);
		assertThat(Snapshots.pod(simulation, "web-4"))
			.extracting(PodState::status, PodState::serving, PodState::stopsServingAt)
			.containsExactly(PodStatus.TERMINATING, true, DELETED_AT + 20_000_000L);
		simulation.advanceTo(DELETED_AT + 21_000_000L, EventSink.NONE);
		assertThat(Snapshots.pod(simulation, "web-4"))
			.extracting(PodState::status, PodState::serving, PodState::stopsServingAt)
			.containsExactly(PodStatus.TERMINATING, false, DELETED_AT + 20_000_000L);
	}

	@Test
	void aTerminatingPodOnANodeThatDiesShouldHaveNoTimeToStopServingAndStopOnceItsNodeIsNotReady() {
		Simulation simulation = deletedWeb4(netexecPod(120L, 100L, null));
		assertThat(Snapshots.pod(simulation, "web-4").stopsServingAt()).isEqualTo(DELETED_AT + 100_000_000L);
		simulation.apply(new SimulationCommand.KillNode("n2"));
		simulation.advanceTo(DELETED_AT + 2_000_000L, EventSink.NONE);
		assertThat(Snapshots.pod(simulation, "web-4")).extracting(PodState::serving, PodState::stopsServingAt)
			.containsExactly(true, -1L);
		simulation.advanceTo(DELETED_AT + 2_000_000L + NodeLifecycle.NODE_MONITOR_GRACE_MICROS, EventSink.NONE);
		assertThat(Snapshots.pod(simulation, "web-4"))
			.extracting(PodState::status, PodState::serving, PodState::stopsServingAt)
			.containsExactly(PodStatus.TERMINATING, false, -1L);
	}

	@Test
	void aTerminatingPodWhoseNodeDiesShouldStayTerminatingPastItsGracePeriodUntilTheNodeIsDeleted() {
		Simulation simulation = deletedWeb4(netexecPod(10L, 8L, null));
		simulation.apply(new SimulationCommand.KillNode("n2"));
		simulation.advanceTo(DELETED_AT + 30_000_000L, EventSink.NONE);
		assertThat(Snapshots.pod(simulation, "web-4").status()).isEqualTo(PodStatus.TERMINATING);
		simulation.apply(new SimulationCommand.RemoveNode("n2"));
		simulation.advanceTo(DELETED_AT + 31_000_000L, EventSink.NONE);
		assertThat(simulation.snapshot().pods()).extracting(PodState::name).doesNotContain("web-4");
	}

	@Test
	void anAppThatExitsAtOnceShouldLoseWhatTheLoadBalancerStillSendsUnderLocal() {
		Simulation simulation = Simulation.start(web4(netexecPod(null, null, null)), SLOW_HOPS);
		Recorder recorder = Recorder.around(simulation, DELETED_AT, new DeletePod("web-4"), 60_000_000L);
		long unhealthyAt = recorder.turnedUnhealthy("n2").time();
		List<ConnectionDropped> lost = recorder.all(ConnectionDropped.class, (event) -> event.node().equals("n2"));
		assertThat(lost).isNotEmpty()
			.allSatisfy((event) -> assertThat(event.time()).isBetween(DELETED_AT, unhealthyAt));
		assertThat(recorder.all(ConnectionRouted.class,
				(event) -> event.entryNode().equals("n2") && event.time() > DELETED_AT))
			.isEmpty();
	}

	@Test
	void aPreStopSleepLongerThanTheLoadBalancersDetectionShouldLoseNothingUnderLocal() {
		Simulation simulation = Simulation.start(web4(netexecPod(null, 25L, null)),
				SLOW_HOPS.withNlb(NlbAttributes.awsDefaults().withResetOnUnhealthy(false)));
		Recorder recorder = Recorder.around(simulation, DELETED_AT, new DeletePod("web-4"), 60_000_000L);
		long unhealthyAt = recorder.turnedUnhealthy("n2").time();
		assertThat(unhealthyAt).isLessThan(DELETED_AT + 25_000_000L);
		assertThat(recorder.all(ConnectionDropped.class)).isEmpty();
		assertThat(recorder.all(ConnectionRejected.class)).isEmpty();
		assertThat(recorder.all(ConnectionReset.class)).isEmpty();
		assertThat(recorder.all(ConnectionRouted.class,
				(event) -> event.entryNode().equals("n2") && event.time() > DELETED_AT))
			.isNotEmpty()
			.allSatisfy((event) -> assertThat(event.pod()).isEqualTo("web-4"));
	}

	@Test
	void whatStillReachesAnExitedPodShouldBeRefusedAndWhatIsOnItCut() {
		// the app exits at once, but a sidecar keeps the pod (and its IP) for 20 s
		ContainerShutdown web = ContainerShutdown.of("web", AGNHOST, List.of(), List.of("netexec"), null);
		ContainerShutdown sidecar = ContainerShutdown.of("proxy", "envoyproxy/envoy:v1.31", List.of(), List.of(),
				PreStopHook.sleep(20));
		Simulation simulation = Simulation.start(web4("Cluster", new PodShutdown(null, List.of(web, sidecar))),
				SLOW_HOPS);
		Recorder recorder = Recorder.until(simulation, DELETED_AT);
		List<Long> onWeb4 = recorder
			.all(ConnectionRouted.class, (event) -> event.pod().equals("web-4") && event.completesAt() > DELETED_AT)
			.stream()
			.map(ConnectionRouted::connection)
			.toList();
		assertThat(onWeb4).isNotEmpty();
		simulation.apply(new DeletePod("web-4"));
		simulation.advanceTo(DELETED_AT + 5_000_000L, recorder);

		assertThat(recorder.all(ConnectionReset.class)).extracting(ConnectionReset::connection)
			.containsExactlyInAnyOrderElementsOf(onWeb4);
		assertThat(recorder.all(ConnectionReset.class)).allSatisfy((reset) -> assertThat(reset.reason())
			.startsWith("web-4's app exited before the connection completed (web: the app exited on SIGTERM"));
		// until each node's kube-proxy syncs (1 s), its rules still DNAT some connections
		// to web-4
		List<ConnectionRejected> refused = recorder.all(ConnectionRejected.class);
		assertThat(refused).isNotEmpty().allSatisfy((event) -> {
			assertThat(event.time()).isBetween(DELETED_AT, DELETED_AT + 1_000_000L);
			assertThat(event.reason()).contains("web-4 (10.244.2.10), which is terminating and whose app has exited");
		});
		assertThat(recorder.all(ConnectionDropped.class)).isEmpty();
		assertThat(simulation.statistics().rejectReasons())
			.containsKey("n1: the pod's app has exited: nothing listens, so the connection is refused (RST)");
	}

	private static PodShutdown netexecPod(@Nullable Long grace, @Nullable Long preStop, @Nullable String flag) {
		List<String> args = new ArrayList<>(List.of("netexec", "--http-port=8080"));
		if (flag != null) {
			args.add(flag);
		}
		return new PodShutdown(grace, List.of(ContainerShutdown.of("web", AGNHOST, List.of(), args,
				(preStop != null) ? PreStopHook.sleep(preStop) : null)));
	}

	/**
	 * The worked example under Local with web-4 shutting down as given, deleted at
	 * {@link #DELETED_AT}; run unrecorded to a second later.
	 */
	private static Simulation deletedWeb4(PodShutdown shutdown) {
		Simulation simulation = Simulation.start(web4(shutdown), Presets.settings(2));
		simulation.advanceTo(DELETED_AT, EventSink.NONE);
		simulation.apply(new DeletePod("web-4"));
		simulation.advanceTo(DELETED_AT + 1_000_000L, EventSink.NONE);
		return simulation;
	}

	private static ClusterDeclaration web4(PodShutdown shutdown) {
		return web4("Local", shutdown);
	}

	/** The worked example (3/1/0) with web-4, n2's only pod, shutting down as given. */
	private static ClusterDeclaration web4(String policy, PodShutdown shutdown) {
		ClusterDeclaration declaration = Presets.uneven310(policy);
		List<DeclaredPod> pods = declaration.pods()
			.stream()
			.map((pod) -> pod.name().equals("web-4") ? pod.withShutdown(shutdown) : pod)
			.toList();
		return new ClusterDeclaration(declaration.nodes(), declaration.services(), pods, declaration.workloads(),
				declaration.endpointSlices());
	}

	private static Endpoint web4Endpoint(Simulation simulation) {
		return simulation.cluster()
			.endpointsOf(WEB)
			.stream()
			.filter((endpoint) -> "web-4".equals(endpoint.podName()))
			.findFirst()
			.orElseThrow();
	}

	/** The app exits after its 20 s preStop; a sidecar keeps the pod until 28 s. */
	private static PodShutdown appThenSidecar() {
		ContainerShutdown web = ContainerShutdown.of("web", AGNHOST, List.of(), List.of("netexec"),
				PreStopHook.sleep(20));
		ContainerShutdown sidecar = ContainerShutdown.of("proxy", "envoyproxy/envoy:v1.31", List.of(), List.of(),
				PreStopHook.sleep(28));
		return new PodShutdown(null, List.of(web, sidecar));
	}

}
