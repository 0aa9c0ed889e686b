package io.trafficlab.engine.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.trafficlab.engine.balancer.CloudLoadBalancer;
import io.trafficlab.engine.balancer.ExternalEntry;
import io.trafficlab.engine.balancer.NodeProbe;
import io.trafficlab.engine.kernel.SplitMix64;
import io.trafficlab.engine.model.Fraction;
import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.simulation.ProbeAnswers.ProbeResult;
import io.trafficlab.engine.simulation.SimulationEvent.LoadBalancerTargetChanged;
import io.trafficlab.engine.simulation.SimulationEvent.ProbeAnswered;
import org.jspecify.annotations.Nullable;

/**
 * The cloud load balancer (R20), modelled on an AWS Network Load Balancer with instance
 * targets as the AWS Load Balancer Controller sets it up. It probes every target node
 * each {@code intervalMicros} ({@link ProbeAnswers}: the Service's healthCheckNodePort
 * under Local, a TCP connect to the NodePort under Cluster), counts a probe nothing
 * answers only when its timeout expires, changes its verdict on a node only after
 * {@code healthyThreshold} or {@code unhealthyThreshold} probes in a row, and spreads new
 * connections over the nodes it believes healthy with {@link CloudLoadBalancer}'s shares
 * (even or weighted, failing open when none is). So its target set lags reality by up to
 * (threshold × interval).
 */
final class LoadBalancer {

	private final Core core;

	/** Registered targets, in registration order. */
	private final List<SimNode> targets = new ArrayList<>();

	/**
	 * Targets that get connections, and the cumulative share up to each (all equal:
	 * uniform pick).
	 */
	private SimNode[] picks = new SimNode[0];

	private double[] cumulative = new double[0];

	private boolean uniform = true;

	private boolean failingOpen;

	LoadBalancer(Core core) {
		this.core = core;
	}

	/**
	 * At start, every node is a target whose verdict already matches what it answers.
	 * Without a cloud LB (a NodePort Service, or external IPs) clients reach every node
	 * in the cluster directly: nothing is probed.
	 */
	void begin() {
		LoadBalancerProbe probe = probeSettings();
		for (SimNode node : this.core.world.nodesByName.values()) {
			if (noLoadBalancer()) {
				node.verdict = TargetState.HEALTHY;
				this.targets.add(node);
				continue;
			}
			ProbeResult result = answer(node);
			node.verdict = result.probe().passing() ? TargetState.HEALTHY : TargetState.UNHEALTHY;
			node.lastProbePassed = result.probe().passing();
			node.consecutive = result.probe().passing() ? probe.healthyThreshold() : probe.unhealthyThreshold();
			node.weight = result.probe().weight();
			this.targets.add(node);
			scheduleFirstProbe(node);
		}
		rebuild();
	}

	/**
	 * Registers a new node: it gets no traffic until it has passed
	 * {@code healthyThreshold} probes.
	 */
	void register(SimNode node) {
		if (noLoadBalancer()) {
			node.verdict = TargetState.HEALTHY;
			this.targets.add(node);
			rebuild();
			return;
		}
		node.verdict = TargetState.INITIAL;
		node.consecutive = 0;
		node.lastProbePassed = false;
		node.weight = null;
		this.targets.add(node);
		scheduleFirstProbe(node);
		emitChange(node, null, TargetState.INITIAL, node.name + " joined the cluster; the load balancer registers it "
				+ "and waits for " + probeSettings().healthyThreshold() + " passing probes");
		rebuild();
	}

	/** Removes a target at once (the cloud controller deregisters a deleted node). */
	void deregister(SimNode node, String reason) {
		TargetState before = node.verdict;
		if (before == null) {
			return;
		}
		node.verdict = null;
		this.targets.remove(node);
		emitChange(node, before, null, reason);
		rebuild();
	}

	/**
	 * A node died: without a cloud LB, clients stop reaching it at once; a cloud LB
	 * notices through its probes.
	 */
	void nodeKilled(SimNode node) {
		if (noLoadBalancer()) {
			node.verdict = null;
			this.targets.remove(node);
			rebuild();
		}
	}

	private void scheduleFirstProbe(SimNode node) {
		SplitMix64 random = this.core.controlRandom;
		long interval = probeSettings().intervalMicros();
		this.core.loop.scheduleIn(1 + (long) (random.nextDouble() * (interval - 1)), Core.PROBE, node.id);
	}

	/**
	 * Sends a probe; an answer counts at once, silence only when the probe's timeout
	 * expires.
	 */
	void probe(int nodeId) {
		SimNode node = this.core.world.nodes.get(nodeId);
		if (!node.isTarget()) {
			return;
		}
		LoadBalancerProbe settings = probeSettings();
		this.core.loop.scheduleIn(settings.intervalMicros(), Core.PROBE, node.id);
		ProbeResult result = answer(node);
		if (result.timedOut()) {
			node.pendingProbe = result;
			this.core.loop.scheduleIn(settings.timeoutMicros(), Core.PROBE_TIMEOUT, node.id);
			return;
		}
		count(node, result);
	}

	/** The probe sent one timeout ago got no answer. */
	void timedOut(int nodeId) {
		SimNode node = this.core.world.nodes.get(nodeId);
		ProbeResult result = node.pendingProbe;
		node.pendingProbe = null;
		if (result != null && node.isTarget()) {
			count(node, result);
		}
	}

	private void count(SimNode node, ProbeResult result) {
		LoadBalancerProbe settings = probeSettings();
		boolean passed = result.probe().passing();
		node.consecutive = (passed == node.lastProbePassed) ? node.consecutive + 1 : 1;
		node.lastProbePassed = passed;
		TargetState before = node.verdict;
		TargetState after = before;
		if (passed && before != TargetState.HEALTHY && node.consecutive >= settings.healthyThreshold()) {
			after = TargetState.HEALTHY;
		}
		else if (!passed && before != TargetState.UNHEALTHY && node.consecutive >= settings.unhealthyThreshold()) {
			after = TargetState.UNHEALTHY;
		}
		boolean weightChanged = passed && !Objects.equals(node.weight, result.probe().weight());
		if (passed) {
			node.weight = result.probe().weight();
		}
		node.verdict = after;
		if (this.core.emitter.wants()) {
			this.core.emitter.emit(new ProbeAnswered(this.core.now(), node.name, result.target(), result.status(),
					result.body(), result.answer(), passed, after, node.consecutive));
		}
		if (after != before) {
			emitChange(node, before, after, node.consecutive + " " + (passed ? "passing" : "failing")
					+ " probes in a row" + (passed ? "" : " (" + result.failure() + ")"));
		}
		if (after != before || weightChanged) {
			rebuild();
		}
		// A dead node stays a registered, unhealthy target: the AWS Load Balancer
		// Controller registers every node
		// not tainted for deletion (k8s.IsNodeSuitableAsTrafficProxy), Ready or not,
		// until its Node object is deleted
	}

	/**
	 * The health check the AWS Load Balancer Controller configures for the Service as it
	 * is now.
	 */
	LoadBalancerProbe probeSettings() {
		return this.core.settings.probes().of(this.core.service());
	}

	private void emitChange(SimNode node, @Nullable TargetState from, @Nullable TargetState to, String reason) {
		if (this.core.emitter.wants() && !noLoadBalancer()) {
			this.core.emitter.emit(new LoadBalancerTargetChanged(this.core.now(), node.name, from, to, reason));
		}
	}

	/** What the LB's probe of {@code node} finds now. */
	ProbeResult answer(SimNode node) {
		return ProbeAnswers.answer(this.core.service(), node);
	}

	/**
	 * Recomputes who gets connections, with {@link CloudLoadBalancer}'s shares over the
	 * believed verdicts.
	 */
	void rebuild() {
		Service service = this.core.service();
		List<NodeProbe> believed = new ArrayList<>(this.targets.size());
		for (SimNode target : this.targets) {
			believed.add(new NodeProbe(target.passing(), target.weight));
		}
		List<Fraction> shares = new CloudLoadBalancer(this.core.loadBalancerModel()).shares(service, believed);
		this.failingOpen = CloudLoadBalancer.failsOpen(service, believed);
		List<SimNode> picked = new ArrayList<>();
		List<Fraction> pickedShares = new ArrayList<>();
		for (int i = 0; i < shares.size(); i++) {
			if (!shares.get(i).isZero()) {
				picked.add(this.targets.get(i));
				pickedShares.add(shares.get(i));
			}
		}
		this.picks = picked.toArray(new SimNode[0]);
		this.cumulative = new double[pickedShares.size()];
		this.uniform = true;
		double sum = 0;
		for (int i = 0; i < pickedShares.size(); i++) {
			sum += pickedShares.get(i).toDouble();
			this.cumulative[i] = sum;
			this.uniform &= pickedShares.get(i).equals(pickedShares.get(0));
		}
	}

	/**
	 * The node the LB sends the next new connection to, or {@code null} when it has none.
	 */
	@Nullable SimNode pick(SplitMix64 random) {
		SimNode[] nodes = this.picks;
		int n = nodes.length;
		if (n <= 1) {
			return (n == 0) ? null : nodes[0];
		}
		if (this.uniform) {
			return nodes[random.nextInt(n)];
		}
		double x = random.nextDouble() * this.cumulative[n - 1];
		int low = 0;
		int high = n - 1;
		while (low < high) {
			int mid = (low + high) >>> 1;
			if (this.cumulative[mid] > x) {
				high = mid;
			}
			else {
				low = mid + 1;
			}
		}
		return nodes[low];
	}

	boolean failingOpen() {
		return this.failingOpen;
	}

	/** How many targets the LB currently sends connections to. */
	int spreadOver() {
		return this.picks.length;
	}

	List<SimNode> targets() {
		return this.targets;
	}

	boolean noLoadBalancer() {
		return this.core.entry().kind() != ExternalEntry.CLOUD_LOAD_BALANCER;
	}

}
