package io.trafficlab.engine.simulation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.trafficlab.engine.cluster.ClusterDeclaration;
import io.trafficlab.engine.cluster.DeclaredWorkload;
import io.trafficlab.engine.cluster.OwnerReference;
import io.trafficlab.engine.cluster.RolloutStrategy;
import io.trafficlab.engine.cluster.WorkloadKind;
import io.trafficlab.engine.scheduling.LabelSelector;
import io.trafficlab.engine.simulation.SimulationCommand.RolloutRestart;
import io.trafficlab.engine.simulation.SimulationEvent.PodBecameReady;
import io.trafficlab.engine.simulation.SimulationEvent.PodDeleted;
import io.trafficlab.engine.simulation.SimulationEvent.PodScheduled;
import io.trafficlab.engine.simulation.SimulationEvent.PodTerminating;
import io.trafficlab.engine.simulation.SimulationSnapshot.PodState;
import io.trafficlab.engine.simulation.SimulationSnapshot.PodStatus;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@code kubectl rollout restart} as the Deployment controller rolls it out
 * ({@code rolling.go}): the new ReplicaSet grows within {@code replicas + maxSurge}, old
 * pods go only while {@code replicas - maxUnavailable} stay Ready.
 */
class RolloutTests {

	private static final long RESTART_AT = 10_000_000L;

	/**
	 * Each instant the controller acts ({@code /} between instants; pods start in 5 s and
	 * those created together become Ready together), in order: {@code +N} new pods
	 * created, {@code -N} old pods deleted. Columns: replicas, maxSurge, maxUnavailable
	 * (- for the default), the surge and unavailable they resolve to, the steps.
	 */
	@ParameterizedTest(name = "{0} replicas, maxSurge {1}, maxUnavailable {2}: {5}")
	@CsvSource(delimiter = '|', nullValues = "-",
			textBlock = """
					  2        | -        | -              | 1     | 0           | +1 / -1 +1 / -1
					  2        | 0        | 1              | 0     | 1           | -1 +1 / -1 +1
					  2        | 0        | 0              | 0     | 1           | -1 +1 / -1 +1
					  2        | 100%     | 0              | 2     | 0           | +2 / -2
					  6        | -        | -              | 2     | 1           | +2 -1 +1 / -1 +1 -1 +1 -1 +1 / -2
					  6        | 1        | 0              | 1     | 0           | +1 / -1 +1 / -1 +1 / -1 +1 / -1 +1 / -1 +1 / -1
					  6        | 50%      | 50%            | 3     | 3           | +3 -3 +3 / -3
					  6        | 0        | 2              | 0     | 2           | -2 +2 / -1 +1 -1 +1 / -1 +1 -1 +1
					""")
	void aRolloutShouldCreateAndDeleteInTheControllersOrder(int replicas, @Nullable String maxSurge,
			@Nullable String maxUnavailable, int surge, int unavailable, String steps) {
		Simulation simulation = Simulation.start(deployment(replicas, new RolloutStrategy(maxSurge, maxUnavailable)),
				Presets.settings(2));
		simulation.advanceTo(RESTART_AT, EventSink.NONE);
		Set<String> old = new HashSet<>();
		simulation.snapshot().pods().forEach((pod) -> old.add(pod.name()));
		assertThat(old).hasSize(replicas);
		simulation.apply(new RolloutRestart());
		Recorder recorder = Recorder.until(simulation, 120_000_000L);
		List<SimulationEvent> all = recorder.events;

		assertThat(steps(all, old)).isEqualTo(steps);
		// never fewer than replicas - maxUnavailable Ready, never more than replicas +
		// maxSurge pods not terminating
		int ready = replicas;
		int pods = replicas;
		for (SimulationEvent event : all) {
			if (event instanceof PodBecameReady) {
				ready++;
			}
			else if (event instanceof PodTerminating) {
				ready--;
				pods--;
			}
			else if (event instanceof PodScheduled) {
				pods++;
			}
			assertThat(ready).isGreaterThanOrEqualTo(replicas - unavailable);
			assertThat(pods).isLessThanOrEqualTo(replicas + surge);
		}
		List<PodState> after = simulation.snapshot().pods();
		assertThat(after).hasSize(replicas)
			.allSatisfy((pod) -> assertThat(pod.status()).isEqualTo(PodStatus.READY))
			.extracting(PodState::name)
			.noneMatch(old::contains);
	}

	@Test
	void newPodsShouldBelongToANewReplicaSetAndSayWhy() {
		Simulation simulation = Simulation.start(deployment(2, RolloutStrategy.DEFAULT), Presets.settings(2));
		simulation.advanceTo(RESTART_AT, EventSink.NONE);
		String oldPrefix = prefix(simulation.snapshot().pods().get(0).name());
		Recorder recorder = Recorder.after(simulation, RESTART_AT, new RolloutRestart(), 60_000_000L);
		PodScheduled created = recorder.first(PodScheduled.class, (event) -> true);
		assertThat(prefix(created.pod())).isNotEqualTo(oldPrefix).startsWith("web-").hasSize("web-".length() + 10);
		assertThat(created.reason()).startsWith("Deployment/web rollout: new ReplicaSet " + prefix(created.pod())
				+ " scaled up to 1 of 2 (at most 3 pods: maxSurge 1, maxUnavailable 0)");
		assertThat(recorder.first(PodTerminating.class, (event) -> true).reason())
			.isEqualTo("Deployment/web rollout: an old ReplicaSet scaled down (3 pods Ready, at least 2 must stay "
					+ "available; maxSurge 1, maxUnavailable 0)");
		assertThat(simulation.snapshot().pods()).extracting(PodState::name)
			.allSatisfy((name) -> assertThat(prefix(name)).isEqualTo(prefix(created.pod())));
	}

	@Test
	void recreateShouldDeleteEveryOldPodBeforeItCreatesANewOne() {
		Simulation simulation = Simulation.start(deployment(3, RolloutStrategy.RECREATE), Presets.settings(2));
		simulation.advanceTo(RESTART_AT, EventSink.NONE);
		Set<String> old = new HashSet<>();
		simulation.snapshot().pods().forEach((pod) -> old.add(pod.name()));
		simulation.apply(new RolloutRestart());
		Recorder recorder = Recorder.until(simulation, 120_000_000L);

		assertThat(steps(recorder.events, old)).isEqualTo("-3 / +3");
		long lastOldGone = recorder.all(PodDeleted.class, (deleted) -> old.contains(deleted.pod()))
			.stream()
			.mapToLong(PodDeleted::time)
			.max()
			.orElseThrow();
		assertThat(recorder.all(PodDeleted.class, (deleted) -> old.contains(deleted.pod()))).hasSize(3);
		assertThat(recorder.all(PodScheduled.class)).hasSize(3)
			.allSatisfy((created) -> assertThat(created.time()).isGreaterThanOrEqualTo(lastOldGone))
			.allSatisfy(
					(created) -> assertThat(created.reason()).contains("rollout (Recreate): every old pod is gone"));
		assertThat(simulation.snapshot().pods()).hasSize(3)
			.allSatisfy((pod) -> assertThat(pod.status()).isEqualTo(PodStatus.READY))
			.extracting(PodState::name)
			.noneMatch(old::contains);
	}

	@Test
	void onlyADeploymentShouldRollOut() {
		Simulation bare = Simulation.start(Presets.uneven310("Local"), Presets.settings(2));
		assertThatIllegalArgumentException().isThrownBy(() -> bare.apply(new RolloutRestart()))
			.withMessage("No Deployment backs Service default/web; the sandbox rolls out Deployments only.");
	}

	private static String prefix(String pod) {
		return pod.substring(0, pod.lastIndexOf('-'));
	}

	private static String steps(List<SimulationEvent> events, Set<String> old) {
		List<String> instants = new ArrayList<>();
		long time = -1;
		StringBuilder instant = null;
		char last = 0;
		int run = 0;
		for (SimulationEvent event : events) {
			char sign;
			if (event instanceof PodScheduled) {
				sign = '+';
			}
			else if (event instanceof PodTerminating terminating && old.contains(terminating.pod())) {
				sign = '-';
			}
			else {
				continue;
			}
			if (event.time() != time) {
				if (instant != null) {
					instants.add(instant.append(last).append(run).toString());
				}
				instant = new StringBuilder();
				time = event.time();
				last = sign;
				run = 1;
			}
			else if (sign == last) {
				run++;
			}
			else {
				instant.append(last).append(run).append(' ');
				last = sign;
				run = 1;
			}
		}
		if (instant != null) {
			instants.add(instant.append(last).append(run).toString());
		}
		return String.join(" / ", instants);
	}

	@Test
	void anExportAfterARolloutShouldNameTheReplicaSetThatOwnsThePodsAndImportUnchanged() {
		ClusterDeclaration plain = Presets.deployment(3);
		String declaredName = podPrefix(Simulation.start(plain, Presets.settings(2)));
		DeclaredWorkload deployment = plain.workloads().get(0);
		Map<String, String> labels = new LinkedHashMap<>(deployment.templateLabels());
		labels.put(SimWorkload.POD_TEMPLATE_HASH, declaredName.substring("web-".length()));
		DeclaredWorkload declaredReplicaSet = new DeclaredWorkload(WorkloadKind.REPLICA_SET, "default", declaredName, 3,
				LabelSelector.of(labels), labels, deployment.scheduling(),
				List.of(OwnerReference.of(WorkloadKind.DEPLOYMENT, "web")));
		Simulation simulation = Simulation.start(new ClusterDeclaration(plain.nodes(), plain.services(), List.of(),
				List.of(deployment, declaredReplicaSet), List.of()), Presets.settings(2));
		simulation.advanceTo(RESTART_AT, EventSink.NONE);
		simulation.apply(new RolloutRestart());
		simulation.advanceTo(200_000_000L, EventSink.NONE);
		String newName = podPrefix(simulation);
		assertThat(newName).isNotEqualTo(declaredName);

		ClusterDeclaration exported = simulation.declaration();
		assertThat(exported.workloads()).extracting(DeclaredWorkload::name, DeclaredWorkload::replicas)
			.containsExactly(tuple("web", 3), tuple(declaredName, 0), tuple(newName, 3));
		assertThat(exported.workloads().get(2).templateLabels()).containsEntry(SimWorkload.POD_TEMPLATE_HASH,
				newName.substring("web-".length()));
		Simulation again = Simulation.start(exported, Presets.settings(2));
		again.advanceTo(30_000_000L, EventSink.NONE);
		assertThat(again.snapshot().pods()).extracting(PodState::name)
			.containsExactlyInAnyOrderElementsOf(simulation.snapshot().pods().stream().map(PodState::name).toList());
	}

	@Test
	void aRolloutThatCouldExceedThePodLimitShouldBeRefusedAndChangeNothing() {
		int replicas = SimulationLimits.MAX_PODS / 2 + 1;
		Simulation simulation = Simulation.start(Presets.deployment(replicas), Presets.settings(2));
		simulation.advanceTo(RESTART_AT, EventSink.NONE);
		assertThatIllegalArgumentException().isThrownBy(() -> simulation.apply(new RolloutRestart()))
			.withMessage("A rollout of Deployment/web creates 501 new pods while the old ones shut down; with the 501 "
					+ "pods the sandbox has, that could exceed its limit of 1,000 pods. Scale it down first.");
		simulation.advanceTo(RESTART_AT + 60_000_000L, EventSink.NONE);
		assertThat(simulation.snapshot().pods()).hasSize(replicas)
			.noneSatisfy((pod) -> assertThat(pod.status()).isEqualTo(PodStatus.TERMINATING));
	}

	/** The ReplicaSet every pod of the sole Deployment is named after. */
	private static String podPrefix(Simulation simulation) {
		Set<String> prefixes = new HashSet<>();
		for (PodState pod : simulation.snapshot().pods()) {
			prefixes.add(pod.name().substring(0, pod.name().lastIndexOf('-')));
		}
		assertThat(prefixes).hasSize(1);
		return prefixes.iterator().next();
	}

	private static ClusterDeclaration deployment(int replicas, RolloutStrategy strategy) {
		ClusterDeclaration plain = Presets.deployment(replicas);
		List<DeclaredWorkload> workloads = plain.workloads()
			.stream()
			.map((workload) -> workload.withRolloutStrategy(strategy))
			.toList();
		return new ClusterDeclaration(plain.nodes(), plain.services(), plain.pods(), workloads, plain.endpointSlices());
	}

}
