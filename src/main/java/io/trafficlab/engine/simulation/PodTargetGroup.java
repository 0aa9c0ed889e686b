package io.trafficlab.engine.simulation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.trafficlab.engine.balancer.LoadBalancerAddresses;
import io.trafficlab.engine.balancer.ZoneSpread;
import io.trafficlab.engine.kernel.SplitMix64;
import io.trafficlab.engine.model.Fraction;
import io.trafficlab.engine.simulation.ProbeAnswers.ProbeResult;
import io.trafficlab.engine.simulation.SimulationEvent.LoadBalancerTargetChanged;
import io.trafficlab.engine.simulation.SimulationEvent.ProbeAnswered;
import io.trafficlab.engine.simulation.SimulationSnapshot.PodStatus;
import org.jspecify.annotations.Nullable;

/**
 * An AWS NLB with ip targets: the target group holds pods, not nodes, and the NLB sends
 * each new connection straight to a pod's IP and port (no NodePort, no kube-proxy on the
 * way in, so {@code externalTrafficPolicy} changes nothing).
 * <ul>
 * <li>Targets: the Service's Ready, non-terminating pods; when there is none, the pods
 * the node controller marked NotReady on a node whose Ready is Unknown
 * ({@code EndpointsFailOpen}). A pod that stops qualifying (terminating, NotReady,
 * deleted) is deregistered and drains for the deregistration delay. Source:
 * aws-load-balancer-controller {@code pkg/backend/endpoint_resolver.go}
 * ({@code resolvePodEndpointsWithEndpointsData}). The sandbox applies an EndpointSlice
 * change to the target group at once (the controller's reconcile delay is not
 * modelled).</li>
 * <li>Probes: TCP to the pod's port, with the catalogue's timing (10 s, 10 s timeout, 3
 * in a row either way); a pod that is gone or on a dead node does not answer.</li>
 * <li>Spreading: with cross-zone off (the default) uniformly over the zones that have a
 * healthy pod (a pod's zone is its node's), then over that zone's healthy pods; with none
 * healthy anywhere it fails open over every registered pod.</li>
 * <li>The pod sees the NLB's private address in its node's zone, unless
 * {@code preserve_client_ip.enabled} is set (the catalogue reads the annotation).</li>
 * <li>A pod whose verdict turns unhealthy has its connections reset
 * ({@code target_health_state.unhealthy.connection_termination.enabled}), unless the NLB
 * fails open.</li>
 * </ul>
 */
final class PodTargetGroup {

	private final Core core;

	/** Registered pods (draining ones included), in registration order. */
	private final Map<SimPod, PodTarget> targets = new LinkedHashMap<>();

	private SimPod[] picks = new SimPod[0];

	/** Each pick's exact share of new connections. */
	private Fraction[] pickShares = new Fraction[0];

	/** The cumulative share up to each of {@link #picks}. */
	private double[] cumulative = new double[0];

	private boolean failingOpen;

	private boolean reconcilePending;

	private int lastRegistration;

	PodTargetGroup(Core core) {
		this.core = core;
	}

	/**
	 * At start, every pod that qualifies is a target whose verdict matches its answer.
	 */
	void begin() {
		this.reconcilePending = false;
		LoadBalancerProbe probe = this.core.balancer.probeSettings();
		for (SimPod pod : wanted()) {
			PodTarget target = register(pod);
			boolean passing = !answer(pod).timedOut();
			target.verdict = passing ? TargetState.HEALTHY : TargetState.UNHEALTHY;
			target.lastProbePassed = passing;
			target.consecutive = passing ? probe.healthyThreshold() : probe.unhealthyThreshold();
		}
		rebuild();
	}

	/** The load balancer changed: the pod targets are forgotten. */
	void clear() {
		this.targets.clear();
		this.picks = new SimPod[0];
		this.pickShares = new Fraction[0];
		this.cumulative = new double[0];
		this.failingOpen = false;
		this.reconcilePending = false;
	}

	/** The endpoints changed: the controller re-resolves the target group. */
	void endpointsChanged() {
		if (!this.reconcilePending) {
			this.reconcilePending = true;
			this.core.loop.scheduleIn(0, Core.POD_TARGETS, 0);
		}
	}

	/** Registers the pods that qualify and deregisters the others. */
	void reconcile() {
		if (!this.reconcilePending) {
			return;
		}
		this.reconcilePending = false;
		List<SimPod> wanted = wanted();
		boolean changed = false;
		for (SimPod pod : wanted) {
			PodTarget target = this.targets.get(pod);
			if (target == null || target.verdict == TargetState.DRAINING) {
				TargetState before = (target != null) ? target.verdict : null;
				register(pod);
				emitChange(pod, before, TargetState.INITIAL,
						registerReason(pod) + "; it gets no traffic until it has passed "
								+ this.core.balancer.probeSettings().healthyThreshold() + " probes");
				changed = true;
			}
		}
		for (PodTarget target : new ArrayList<>(this.targets.values())) {
			if (target.verdict != TargetState.DRAINING && !wanted.contains(target.pod)) {
				drain(target);
				changed = true;
			}
		}
		if (changed) {
			rebuild();
		}
	}

	/**
	 * Ready, non-terminating pods of the Service; when none, the fail-open fallback: pods
	 * marked NotReady on a node whose Ready is Unknown (their containers are still
	 * ready).
	 */
	private List<SimPod> wanted() {
		List<SimPod> ready = new ArrayList<>();
		List<SimPod> fallback = new ArrayList<>();
		for (SimPod pod : this.core.world.pods) {
			if (!pod.backsService || !pod.onNode() || pod.ip == null) {
				continue;
			}
			if (pod.status == PodStatus.READY) {
				ready.add(pod);
			}
			else if (pod.status == PodStatus.NOT_READY && pod.node != null && pod.node.readyUnknown) {
				fallback.add(pod);
			}
		}
		return ready.isEmpty() ? fallback : ready;
	}

	private String registerReason(SimPod pod) {
		return (pod.status == PodStatus.READY)
				? pod.name + " is Ready: the AWS Load Balancer Controller registers " + pod.ip + " as an ip target"
				: "no pod is Ready, so the AWS Load Balancer Controller registers the pods on nodes whose Ready is "
						+ "Unknown, " + pod.name + " among them (EndpointsFailOpen)";
	}

	private String drainReason(SimPod pod) {
		String cause = pod.deleted ? pod.name + " was deleted" : (pod.status == PodStatus.TERMINATING)
				? pod.name + " is terminating" : pod.name + " is no longer Ready";
		return cause + "; the AWS Load Balancer Controller deregisters " + pod.ip + ": it drains for "
				+ Times.format(this.core.settings.nlb().deregistrationDelayMicros())
				+ " (deregistration_delay.timeout_seconds): no new connections, established ones continue";
	}

	private PodTarget register(SimPod pod) {
		PodTarget target = new PodTarget(pod, ++this.lastRegistration);
		this.targets.remove(pod);
		this.targets.put(pod, target);
		long interval = this.core.balancer.probeSettings().intervalMicros();
		this.core.loop.scheduleIn(1 + (long) (this.core.controlRandom.nextDouble() * (interval - 1)), Core.POD_PROBE,
				payload(target));
		return target;
	}

	private void drain(PodTarget target) {
		TargetState before = target.verdict;
		target.verdict = TargetState.DRAINING;
		target.pendingProbe = null;
		this.core.loop.scheduleIn(this.core.settings.nlb().deregistrationDelayMicros(), Core.POD_DEREGISTERED,
				payload(target));
		emitChange(target.pod, before, TargetState.DRAINING, drainReason(target.pod));
	}

	/** A draining pod's deregistration delay is over: it leaves the target group. */
	void drained(long payload) {
		PodTarget target = current(payload);
		if (target == null || target.verdict != TargetState.DRAINING) {
			return;
		}
		this.targets.remove(target.pod);
		emitChange(target.pod, TargetState.DRAINING, null,
				"its deregistration delay (" + Times.format(this.core.settings.nlb().deregistrationDelayMicros())
						+ ") is over: " + target.pod.name + " leaves the target group");
		rebuild();
	}

	/**
	 * Sends a TCP probe to the pod; a connect counts at once, silence when the timeout
	 * expires.
	 */
	void probe(long payload) {
		PodTarget target = current(payload);
		if (target == null || target.verdict == TargetState.DRAINING) {
			return;
		}
		LoadBalancerProbe settings = this.core.balancer.probeSettings();
		this.core.loop.scheduleIn(settings.intervalMicros(), Core.POD_PROBE, payload);
		ProbeResult result = answer(target.pod);
		if (result.timedOut()) {
			target.pendingProbe = result;
			this.core.loop.scheduleIn(settings.timeoutMicros(), Core.POD_PROBE_TIMEOUT, payload);
			return;
		}
		count(target, result);
	}

	/** The probe sent one timeout ago got no answer. */
	void timedOut(long payload) {
		PodTarget target = current(payload);
		if (target == null || target.verdict == TargetState.DRAINING || target.pendingProbe == null) {
			return;
		}
		ProbeResult result = target.pendingProbe;
		target.pendingProbe = null;
		count(target, result);
	}

	private void count(PodTarget target, ProbeResult result) {
		LoadBalancerProbe settings = this.core.balancer.probeSettings();
		boolean passed = result.probe().passing();
		target.consecutive = (passed == target.lastProbePassed) ? target.consecutive + 1 : 1;
		target.lastProbePassed = passed;
		TargetState before = target.verdict;
		TargetState after = settings.verdictAfter(before, passed, target.consecutive);
		target.verdict = after;
		SimPod pod = target.pod;
		if (this.core.emitter.wants()) {
			this.core.emitter.emit(new ProbeAnswered(this.core.now(), nodeOf(pod), pod.name, result.target(), 0, "",
					result.answer(), passed, after, target.consecutive, settings.thresholdAfter(passed)));
		}
		if (after == before) {
			return;
		}
		emitChange(pod, before, after, target.consecutive + " " + (passed ? "passing" : "failing") + " probes in a row"
				+ (passed ? "" : " (" + result.failure() + ")"));
		rebuild();
		if (after == TargetState.UNHEALTHY && !this.failingOpen && this.core.settings.nlb().resetOnUnhealthy()) {
			this.core.traffic.reset(pod, null,
					"the load balancer marked " + pod.name
							+ " unhealthy and sends a TCP RST on its established client connections "
							+ "(target_health_state.unhealthy.connection_termination.enabled, on by default)");
		}
	}

	/** What a TCP connect to the pod's IP and port finds now. */
	private ProbeResult answer(SimPod pod) {
		String target = pod.ip + ":" + this.core.entry().targetPort();
		if (pod.deleted || pod.node == null) {
			return ProbeResult.timedOut(target, pod.name + " is gone");
		}
		if (pod.node.killed) {
			return ProbeResult.timedOut(target, pod.name + "'s node " + pod.node.name + " is dead");
		}
		return ProbeResult.connected(target);
	}

	/**
	 * Who gets new connections, from the believed verdicts: per zone with cross-zone off,
	 * else evenly over the healthy pods; draining pods get none.
	 */
	private void rebuild() {
		List<SimPod> active = new ArrayList<>();
		List<Boolean> healthy = new ArrayList<>();
		for (PodTarget target : this.targets.values()) {
			if (target.verdict != TargetState.DRAINING) {
				active.add(target.pod);
				healthy.add(target.verdict == TargetState.HEALTHY);
			}
		}
		String[] zones = new String[active.size()];
		boolean[] passing = new boolean[active.size()];
		boolean any = false;
		for (int i = 0; i < zones.length; i++) {
			SimNode node = active.get(i).node;
			zones[i] = (node != null) ? LoadBalancerAddresses.zoneOf(node.model) : "";
			passing[i] = healthy.get(i);
			any |= passing[i];
		}
		this.failingOpen = !active.isEmpty() && !any;
		Fraction[] shares = ZoneSpread.shares(zones, passing, this.core.spec().crossZone(), true);
		List<SimPod> picked = new ArrayList<>();
		List<Fraction> pickedShares = new ArrayList<>();
		for (int i = 0; i < shares.length; i++) {
			if (!shares[i].isZero()) {
				picked.add(active.get(i));
				pickedShares.add(shares[i]);
			}
		}
		this.picks = picked.toArray(new SimPod[0]);
		this.pickShares = pickedShares.toArray(new Fraction[0]);
		this.cumulative = new double[pickedShares.size()];
		double sum = 0;
		for (int i = 0; i < this.cumulative.length; i++) {
			sum += pickedShares.get(i).toDouble();
			this.cumulative[i] = sum;
		}
	}

	/** The pod the NLB sends the next new connection to, {@code null} when none. */
	@Nullable SimPod pick(SplitMix64 random) {
		SimPod[] pods = this.picks;
		int n = pods.length;
		if (n <= 1) {
			return (n == 0) ? null : pods[0];
		}
		double x = random.nextDouble() * this.cumulative[n - 1];
		for (int i = 0; i < n - 1; i++) {
			if (this.cumulative[i] > x) {
				return pods[i];
			}
		}
		return pods[n - 1];
	}

	/** The exact share of new connections the NLB sends to each node's pods now. */
	Map<String, Fraction> sharesByNodeNow() {
		Map<String, Fraction> shares = new HashMap<>();
		for (int i = 0; i < this.picks.length; i++) {
			SimNode node = this.picks[i].node;
			if (node != null) {
				shares.merge(node.name, this.pickShares[i], Fraction::plus);
			}
		}
		return shares;
	}

	/** How many pods the NLB spreads new connections over. */
	int spreadOver() {
		return this.picks.length;
	}

	boolean failingOpen() {
		return this.failingOpen;
	}

	/** The LB's verdict on {@code pod}, {@code null} when it is not a target. */
	@Nullable TargetState verdict(SimPod pod) {
		PodTarget target = this.targets.get(pod);
		return (target != null) ? target.verdict : null;
	}

	/** Failed probes in a row on {@code pod}, for the drop sentences. */
	int failedInARow(SimPod pod) {
		PodTarget target = this.targets.get(pod);
		return (target == null || target.lastProbePassed) ? 0 : target.consecutive;
	}

	private @Nullable PodTarget current(long payload) {
		SimPod pod = this.core.world.pods.get((int) payload);
		PodTarget target = this.targets.get(pod);
		return (target != null && target.registration == (int) (payload >>> 32)) ? target : null;
	}

	private static long payload(PodTarget target) {
		return ((long) target.registration << 32) | target.pod.slot;
	}

	private void emitChange(SimPod pod, @Nullable TargetState from, @Nullable TargetState to, String reason) {
		if (this.core.emitter.wants()) {
			this.core.emitter
				.emit(new LoadBalancerTargetChanged(this.core.now(), nodeOf(pod), pod.name, from, to, reason));
		}
	}

	/** The node a target pod runs on (a target is always a scheduled pod). */
	private static String nodeOf(SimPod pod) {
		return (pod.node != null) ? pod.node.name : "";
	}

	/** The NLB's view of one pod target. */
	private static final class PodTarget {

		final SimPod pod;

		final int registration;

		TargetState verdict = TargetState.INITIAL;

		int consecutive;

		boolean lastProbePassed;

		@Nullable ProbeResult pendingProbe;

		PodTarget(SimPod pod, int registration) {
			this.pod = pod;
			this.registration = registration;
		}

	}

}
