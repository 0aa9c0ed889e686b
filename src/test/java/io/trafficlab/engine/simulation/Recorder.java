package io.trafficlab.engine.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import io.trafficlab.engine.simulation.SimulationEvent.LoadBalancerTargetChanged;
import io.trafficlab.engine.simulation.SimulationEvent.ProbeAnswered;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An {@link EventSink} that keeps every event, for assertions.
 */
final class Recorder implements EventSink {

	final List<SimulationEvent> events = new ArrayList<>();

	/** Records what {@code simulation} does until {@code until}. */
	static Recorder until(Simulation simulation, long until) {
		Recorder recorder = new Recorder();
		simulation.advanceTo(until, recorder);
		return recorder;
	}

	/**
	 * Advances {@code simulation} unrecorded to {@code at}, applies {@code command}
	 * there, and records what follows until {@code until}.
	 */
	static Recorder after(Simulation simulation, long at, SimulationCommand command, long until) {
		simulation.advanceTo(at, EventSink.NONE);
		simulation.apply(command);
		return until(simulation, until);
	}

	/**
	 * Records what {@code simulation} does until {@code until}, applying {@code command}
	 * at {@code at}: {@link #after}, with what comes before the command recorded too.
	 */
	static Recorder around(Simulation simulation, long at, SimulationCommand command, long until) {
		Recorder recorder = until(simulation, at);
		simulation.apply(command);
		simulation.advanceTo(until, recorder);
		return recorder;
	}

	@Override
	public void accept(SimulationEvent event) {
		this.events.add(event);
	}

	<T extends SimulationEvent> List<T> all(Class<T> type) {
		List<T> result = new ArrayList<>();
		for (SimulationEvent event : this.events) {
			if (type.isInstance(event)) {
				result.add(type.cast(event));
			}
		}
		return result;
	}

	<T extends SimulationEvent> List<T> all(Class<T> type, Predicate<T> filter) {
		return all(type).stream().filter(filter).toList();
	}

	<T extends SimulationEvent> T first(Class<T> type, Predicate<T> filter) {
		return all(type, filter).stream()
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " matches"));
	}

	/**
	 * The load balancer's verdict changes on {@code target} (a node, or a pod of an ip
	 * target group), in order.
	 */
	List<LoadBalancerTargetChanged> targetChanges(String target) {
		return all(LoadBalancerTargetChanged.class, (change) -> change.targetName().equals(target));
	}

	/** The load balancer's first verdict that {@code target} is unhealthy. */
	LoadBalancerTargetChanged turnedUnhealthy(String target) {
		return first(LoadBalancerTargetChanged.class,
				(change) -> change.targetName().equals(target) && change.to() == TargetState.UNHEALTHY);
	}

	/**
	 * How long after the first probe of {@code target} that got an HTTP {@code status}
	 * the load balancer turned it unhealthy, which must be its first verdict change on
	 * {@code target}.
	 */
	long unhealthyAfterFirstProbeAnswering(String target, int status) {
		LoadBalancerTargetChanged unhealthy = targetChanges(target).get(0);
		assertThat(unhealthy.to()).isEqualTo(TargetState.UNHEALTHY);
		return unhealthy.time() - firstProbeAnswering(target, status).time();
	}

	/** The first probe of {@code target} that got an HTTP {@code status}. */
	ProbeAnswered firstProbeAnswering(String target, int status) {
		return first(ProbeAnswered.class, (probe) -> probe.targetName().equals(target) && probe.status() == status);
	}

	/** The load balancer's probes of {@code target}, in order. */
	List<ProbeAnswered> probesOf(String target) {
		return all(ProbeAnswered.class, (probe) -> probe.targetName().equals(target));
	}

	List<String> lines() {
		return this.events.stream().map(Object::toString).toList();
	}

	/** What {@code simulation} does until {@code until}, one line an event. */
	static List<String> linesUntil(Simulation simulation, long until) {
		return until(simulation, until).lines();
	}

}
