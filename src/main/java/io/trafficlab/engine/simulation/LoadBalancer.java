package io.trafficlab.engine.simulation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.trafficlab.engine.balancer.CloudLoadBalancer;
import io.trafficlab.engine.balancer.ExternalEntry;
import io.trafficlab.engine.balancer.LoadBalancerAddresses;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.balancer.LoadBalancerModel;
import io.trafficlab.engine.balancer.NoHealthy;
import io.trafficlab.engine.balancer.NodeProbe;
import io.trafficlab.engine.balancer.ProbeSpec;
import io.trafficlab.engine.balancer.ProbeTarget;
import io.trafficlab.engine.balancer.Registration;
import io.trafficlab.engine.balancer.Spread;
import io.trafficlab.engine.balancer.ZoneSpread;
import io.trafficlab.engine.kernel.SplitMix64;
import io.trafficlab.engine.model.Fraction;
import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.model.Taint;
import io.trafficlab.engine.simulation.ProbeAnswers.ProbeResult;
import io.trafficlab.engine.simulation.SimulationEvent.LoadBalancerTargetChanged;
import io.trafficlab.engine.simulation.SimulationEvent.ProbeAnswered;
import org.jspecify.annotations.Nullable;

/**
 * The sandbox's load balancer: an AWS Network Load Balancer with instance targets, as the
 * AWS Load Balancer Controller sets it up for a Service of type LoadBalancer (R20).
 * <ul>
 * <li>Targets: every node whose Ready condition is True and that is not tainted for
 * deletion; when no node is Ready, the nodes whose Ready is Unknown
 * ({@code EndpointsFailOpen}). A node that stops qualifying is deregistered and
 * {@link TargetState#DRAINING drains} for the deregistration delay (no new connections,
 * established ones continue), then leaves the target group. Source:
 * aws-load-balancer-controller {@code pkg/backend/endpoint_resolver.go}
 * ({@code ResolveNodePortEndpoints}), re-run on Ready changes by
 * {@code controllers/elbv2/eventhandlers/node.go}.</li>
 * <li>Probes: every target each {@code intervalMicros} ({@link ProbeAnswers}: HTTP
 * {@code GET /healthz} on the healthCheckNodePort under Local, TCP to the NodePort under
 * Cluster); a probe nothing answers counts only when its timeout expires; the verdict
 * changes after {@code healthyThreshold} or {@code unhealthyThreshold} probes in a row,
 * so the target set lags reality by up to (threshold × interval).</li>
 * <li>Spreading: cross-zone load balancing is off by default, so a new connection lands
 * in one of the zones that have a healthy target (uniformly: the zone's address is in
 * DNS), then on one of that zone's healthy targets; with no healthy target anywhere it
 * fails open over every target. With cross-zone on, or the {@code weighted} model (a
 * what-if the NLB does not offer), {@link CloudLoadBalancer}'s shares over the
 * nodes.</li>
 * <li>A target whose verdict turns unhealthy has its established client connections reset
 * ({@code target_health_state.unhealthy.connection_termination.enabled}), unless the NLB
 * fails open.</li>
 * </ul>
 * The other probing load balancers follow their {@code LoadBalancerSpec}: the Classic ELB
 * and Azure register the service controller's stable node set (Ready not read, a dead
 * node stays until deleted) and leave at once, GKE's ingress-gce drops a node at
 * NotReady; Azure and GKE spread evenly (GKE weighted by the header when annotated), the
 * Classic ELB per zone; with no healthy target the Classic ELB closes and Azure sends
 * nothing ({@link #noneHealthy()}); only the NLB resets connections on an unhealthy
 * verdict. An NLB with ip targets has pods as targets: {@link PodTargetGroup}. MetalLB in
 * layer-2 mode has no targets and no probes: {@link L2Announcer} names the one node every
 * new connection enters.
 */
final class LoadBalancer {

	private static final String AWS_LBC = "the AWS Load Balancer Controller";

	private final Core core;

	/** Registered targets (draining ones included), in registration order. */
	private final List<SimNode> targets = new ArrayList<>();

	/**
	 * Targets that get connections, and the cumulative share up to each (all equal:
	 * uniform pick).
	 */
	private SimNode[] picks = new SimNode[0];

	/** Each pick's exact share of new connections. */
	private Fraction[] pickShares = new Fraction[0];

	private double[] cumulative = new double[0];

	private boolean uniform = true;

	private boolean failingOpen;

	/**
	 * No target passes and the load balancer does not fail open (the Classic ELB closes,
	 * Azure sends nothing).
	 */
	private boolean noneHealthy;

	LoadBalancer(Core core) {
		this.core = core;
	}

	/**
	 * At start, every node is a target whose verdict already matches what it answers.
	 * Without a cloud LB (a NodePort Service, or external IPs) clients reach every node
	 * in the cluster directly: nothing is probed.
	 */
	void begin() {
		if (advertises()) {
			this.core.bgp.begin();
			rebuild();
			return;
		}
		if (announces()) {
			this.core.announcer.begin();
			rebuild();
			return;
		}
		if (targetsPods()) {
			this.core.podTargets.begin();
			rebuild();
			return;
		}
		LoadBalancerProbe probe = noLoadBalancer() ? null : probeSettings();
		for (SimNode node : this.core.world.nodesByName.values()) {
			node.registration++;
			if (probe == null) {
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
	 * A node joined the cluster: it is registered and gets no traffic until it has passed
	 * {@code healthyThreshold} probes.
	 */
	void register(SimNode node) {
		if (!probesNodes()) {
			reconcile(node, node.name + " joined the cluster");
			return;
		}
		reconcile(node, node.name + " joined the cluster; the load balancer registers it and waits for "
				+ probeSettings().healthyThreshold() + " passing probes");
	}

	/**
	 * The controller's view of {@code subject} changed (deleted, tainted for deletion,
	 * Ready no longer True): it re-resolves the target group, registering the nodes that
	 * qualify and deregistering the others; {@code reason} tells why for {@code subject}.
	 */
	void reconcile(SimNode subject, String reason) {
		if (noLoadBalancer()) {
			reconcileWithoutLoadBalancer();
			return;
		}
		if (announces()) {
			// MetalLB reads no Ready condition; a deleted node's speaker leaves
			// memberlist
			this.core.announcer.endpointsChanged();
			return;
		}
		if (targetsPods()) {
			// ip targets follow the pods, whose endpoints the node's state changes
			this.core.podTargets.endpointsChanged();
			return;
		}
		if (advertises()) {
			this.core.bgp.endpointsChanged();
			return;
		}
		Registration registration = this.core.spec().registration();
		String subjectReason = reason.replace(AWS_LBC, controller());
		boolean anyReady = false;
		for (SimNode node : this.core.world.nodesByName.values()) {
			anyReady |= suitable(node) && !node.readyUnknown;
		}
		boolean changed = false;
		for (SimNode node : this.core.world.nodes) {
			boolean wanted = switch (registration) {
				// EndpointsFailOpen: the nodes whose Ready is Unknown when none is True
				case AWS_LBC -> node.inCluster && suitable(node) && (node.readyUnknown != anyReady);
				// ingress-gce drops a node whose Ready is not True, with no fallback
				case GKE_CANDIDATES -> node.inCluster && suitable(node) && !node.readyUnknown;
				// the stable node set reads no Ready condition
				default -> node.inCluster && suitable(node);
			};
			boolean registered = node.verdict != null && node.verdict != TargetState.DRAINING;
			if (wanted && !registered) {
				addTarget(node,
						(node == subject && !node.readyUnknown) ? subjectReason : failOpenReason(node, anyReady));
				changed = true;
			}
			else if (!wanted && registered) {
				String why = (node == subject) ? subjectReason : drainReason(node);
				if (registration == Registration.AWS_LBC) {
					drain(node, why + drainingSentence());
				}
				else {
					deregister(node, why + ": it leaves the target pool at once (no connection draining)");
				}
				changed = true;
			}
		}
		if (changed) {
			rebuild();
		}
	}

	/**
	 * Under the AWS Load Balancer Controller's default selector: not tainted for
	 * deletion.
	 */
	private static boolean suitable(SimNode node) {
		return !node.removing;
	}

	private String failOpenReason(SimNode node, boolean anyReady) {
		return anyReady ? node.name + "'s Ready condition is True again; " + controller() + " registers it"
				: "no node's Ready condition is True, so the AWS Load Balancer Controller registers the nodes whose "
						+ "Ready is Unknown, " + node.name + " among them (EndpointsFailOpen)";
	}

	private String drainReason(SimNode node) {
		String cause = !node.inCluster ? node.name + " was deleted" : node.removing
				? node.name + " is tainted " + Taint.TO_BE_DELETED_KEY : node.name + "'s Ready condition is Unknown";
		return cause + "; " + controller() + " deregisters it";
	}

	/** The controller that registers the targets of the chosen load balancer. */
	private String controller() {
		return switch (this.core.spec().registration()) {
			case STABLE_NODE_SET -> "the cloud provider's service controller";
			case GKE_CANDIDATES -> "ingress-gce";
			default -> AWS_LBC;
		};
	}

	/**
	 * Deregisters a target at once: the load balancers other than the NLB do not drain by
	 * default (the in-tree AWS provider's {@code ConnectionDraining} is off).
	 */
	private void deregister(SimNode node, String reason) {
		TargetState before = node.verdict;
		node.registration++;
		node.verdict = null;
		node.pendingProbe = null;
		this.targets.remove(node);
		emitChange(node, before, null, reason);
	}

	private String drainingSentence() {
		return ": it drains for " + seconds(this.core.settings.nlb().deregistrationDelayMicros())
				+ " (deregistration_delay.timeout_seconds): no new connections, established ones continue";
	}

	private void addTarget(SimNode node, String reason) {
		TargetState before = node.verdict;
		node.registration++;
		node.verdict = TargetState.INITIAL;
		node.consecutive = 0;
		node.lastProbePassed = false;
		node.pendingProbe = null;
		node.weight = null;
		this.targets.remove(node);
		this.targets.add(node);
		scheduleFirstProbe(node);
		emitChange(node, before, TargetState.INITIAL, reason);
	}

	/**
	 * Deregisters a target: it drains (no new connections, established ones continue) and
	 * leaves the target group once the deregistration delay is over.
	 */
	private void drain(SimNode node, String reason) {
		TargetState before = node.verdict;
		node.registration++;
		node.verdict = TargetState.DRAINING;
		node.pendingProbe = null;
		long delay = this.core.settings.nlb().deregistrationDelayMicros();
		this.core.loop.scheduleIn(delay, Core.DEREGISTERED, payload(node));
		emitChange(node, before, TargetState.DRAINING, reason);
	}

	/**
	 * The deregistration delay of a draining target is over: it leaves the target group.
	 */
	void drained(long payload) {
		SimNode node = this.core.world.nodes.get((int) payload);
		if (node.registration != (int) (payload >>> 32) || node.verdict != TargetState.DRAINING) {
			return;
		}
		node.verdict = null;
		this.targets.remove(node);
		emitChange(node, TargetState.DRAINING, null,
				"its deregistration delay (" + seconds(this.core.settings.nlb().deregistrationDelayMicros())
						+ ", deregistration_delay.timeout_seconds) is over: " + node.name + " leaves the target group");
		rebuild();
	}

	/** Without a cloud LB, clients reach the live nodes in the cluster directly. */
	private void reconcileWithoutLoadBalancer() {
		boolean changed = false;
		for (SimNode node : this.core.world.nodes) {
			boolean wanted = node.inCluster && !node.killed && !node.removing;
			if (wanted && node.verdict == null) {
				node.verdict = TargetState.HEALTHY;
				this.targets.add(node);
				changed = true;
			}
			else if (!wanted && node.verdict != null) {
				node.verdict = null;
				this.targets.remove(node);
				changed = true;
			}
		}
		if (changed) {
			rebuild();
		}
	}

	/**
	 * A node died: without a cloud LB, clients stop reaching it at once; a cloud LB
	 * notices through its probes.
	 */
	void nodeKilled(SimNode node) {
		if (noLoadBalancer()) {
			reconcileWithoutLoadBalancer();
		}
		else if (announces()) {
			this.core.announcer.nodeKilled(node);
		}
		else if (advertises()) {
			this.core.bgp.nodeKilled(node);
		}
	}

	/**
	 * The load balancer in front of the cluster changed: the old one's targets, probes
	 * and drain timers are forgotten and the new one starts in the steady state of the
	 * cluster as it is.
	 */
	void kindChanged() {
		for (SimNode node : this.core.world.nodes) {
			node.registration++;
			node.verdict = null;
			node.pendingProbe = null;
			node.consecutive = 0;
			node.weight = null;
		}
		this.targets.clear();
		this.core.podTargets.clear();
		begin();
	}

	/**
	 * Whether MetalLB advertises the Service's IP over BGP and the router spreads over
	 * the advertising nodes ({@link BgpAdvertiser}).
	 */
	boolean advertises() {
		return !noLoadBalancer() && this.core.settings.kind() == LoadBalancerKind.METALLB_BGP;
	}

	/**
	 * Whether the target group holds pods (an NLB with ip targets) rather than nodes:
	 * {@link PodTargetGroup} picks and probes them.
	 */
	boolean targetsPods() {
		return !noLoadBalancer() && this.core.settings.kind() == LoadBalancerKind.AWS_NLB_IP;
	}

	/**
	 * MetalLB BGP: the nodes the router has a route through now (a dead node's until its
	 * session's hold time ends), else empty.
	 */
	List<String> advertisingNodes() {
		return advertises() ? this.core.bgp.routedNodeNames() : List.of();
	}

	/** MetalLB L2: the node that announces the LB IP now, else {@code null}. */
	@Nullable String announcingNode() {
		SimNode announcer = announces() ? this.core.announcer.announcer() : null;
		return (announcer != null) ? announcer.name : null;
	}

	/**
	 * Whether MetalLB announces the Service's IP from one node (layer-2 mode) rather than
	 * a cloud LB spreading over targets.
	 */
	boolean announces() {
		return !noLoadBalancer() && this.core.settings.kind() == LoadBalancerKind.METALLB_L2;
	}

	/**
	 * Whether the load balancer probes the nodes: a cloud LB with instance targets does;
	 * nothing probes them without one, under MetalLB (which announces or advertises
	 * instead), nor with ip targets (the NLB probes the pods).
	 */
	boolean probesNodes() {
		return !noLoadBalancer() && !announces() && !advertises() && !targetsPods();
	}

	/** Its verdict on the node as the browser shows it: none when it probes no node. */
	@Nullable TargetState shownVerdict(SimNode node) {
		return probesNodes() ? node.verdict : null;
	}

	private static long payload(SimNode node) {
		return ((long) node.registration << 32) | node.id;
	}

	private void scheduleFirstProbe(SimNode node) {
		SplitMix64 random = this.core.controlRandom;
		long interval = probeSettings().intervalMicros();
		this.core.loop.scheduleIn(1 + (long) (random.nextDouble() * (interval - 1)), Core.PROBE, payload(node));
	}

	/**
	 * Sends a probe; an answer counts at once, silence only when the probe's timeout
	 * expires.
	 */
	void probe(long payload) {
		SimNode node = this.core.world.nodes.get((int) payload);
		if (node.registration != (int) (payload >>> 32) || !node.isTarget() || node.verdict == TargetState.DRAINING) {
			return;
		}
		LoadBalancerProbe settings = probeSettings();
		this.core.loop.scheduleIn(settings.intervalMicros(), Core.PROBE, payload);
		ProbeResult result = probesProxyHealthz() ? ProbeAnswers.proxyHealthz(node, this.core.settings.dataplane())
				: ProbeAnswers.answer(this.core.service(), node, this.core.world.pods, this.core.probeRandom,
						this.core.spec().probe());
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
		if (result != null && node.isTarget() && node.verdict != TargetState.DRAINING) {
			count(node, result);
		}
	}

	private void count(SimNode node, ProbeResult result) {
		LoadBalancerProbe settings = probeSettings();
		boolean passed = result.probe().passing();
		node.consecutive = (passed == node.lastProbePassed) ? node.consecutive + 1 : 1;
		node.lastProbePassed = passed;
		TargetState before = node.verdict;
		TargetState after = settings.verdictAfter(before, passed, node.consecutive);
		boolean weightChanged = passed && !Objects.equals(node.weight, result.probe().weight());
		if (passed) {
			node.weight = result.probe().weight();
		}
		node.verdict = after;
		if (this.core.emitter.wants()) {
			this.core.emitter.emit(new ProbeAnswered(this.core.now(), node.name, null, result.target(), result.status(),
					result.body(), result.answer(), passed, after, node.consecutive, settings.thresholdAfter(passed)));
		}
		if (after != before) {
			emitChange(node, before, after, node.consecutive + " " + (passed ? "passing" : "failing")
					+ " probes in a row" + (passed ? "" : " (" + result.failure() + ")"));
		}
		if (after != before || weightChanged) {
			rebuild();
		}
		if (after == TargetState.UNHEALTHY && before != TargetState.UNHEALTHY && !this.failingOpen
				&& this.core.settings.kind() == LoadBalancerKind.AWS_NLB_INSTANCE
				&& this.core.settings.nlb().resetOnUnhealthy()) {
			this.core.traffic.resetEntering(node,
					"the load balancer marked " + node.name
							+ " unhealthy and sends a TCP RST on its established client connections "
							+ "(target_health_state.unhealthy.connection_termination.enabled, on by default)");
		}
	}

	/**
	 * The health check's timing for the Service as it is now: the one the settings set,
	 * else the chosen kind's catalogue entry (the controller's defaults and the Service's
	 * annotations).
	 */
	LoadBalancerProbe probeSettings() {
		LoadBalancerHealthChecks set = this.core.settings.probesSet() ? this.core.settings.probes() : null;
		if (set != null) {
			return set.of(this.core.service());
		}
		ProbeSpec spec = this.core.spec().probe();
		if (spec == null) {
			throw new IllegalStateException(this.core.settings.kind().apiName() + " does not probe");
		}
		return LoadBalancerProbe.of(spec);
	}

	private void emitChange(SimNode node, @Nullable TargetState from, @Nullable TargetState to, String reason) {
		if (this.core.emitter.wants() && !noLoadBalancer()) {
			this.core.emitter.emit(new LoadBalancerTargetChanged(this.core.now(), node.name, null, from, to, reason));
		}
	}

	/**
	 * What the LB's probe of {@code node} would find now, without drawing the endpoint a
	 * TCP probe is DNATed to (for the snapshot and the start).
	 */
	ProbeResult answer(SimNode node) {
		return probesProxyHealthz() ? ProbeAnswers.proxyHealthz(node, this.core.settings.dataplane())
				: ProbeAnswers.answer(this.core.service(), node, this.core.world.pods, null, this.core.spec().probe());
	}

	/**
	 * Whether the catalogue's probe is kube-proxy's own {@code /healthz} (GKE, Cluster).
	 */
	private boolean probesProxyHealthz() {
		if (noLoadBalancer()) {
			return false;
		}
		ProbeSpec probe = this.core.spec().probe();
		return probe != null && probe.target() == ProbeTarget.PROXY_HEALTHZ;
	}

	/**
	 * Recomputes who gets connections from the believed verdicts: per zone with
	 * cross-zone off, else with {@link CloudLoadBalancer}'s shares. Draining targets get
	 * none.
	 */
	void rebuild() {
		this.noneHealthy = false;
		if (announces() || targetsPods() || advertises()) {
			this.picks = new SimNode[0];
			this.pickShares = new Fraction[0];
			this.cumulative = new double[0];
			this.failingOpen = false;
			return;
		}
		Service service = this.core.service();
		List<SimNode> active = new ArrayList<>(this.targets.size());
		List<NodeProbe> believed = new ArrayList<>(this.targets.size());
		for (SimNode target : this.targets) {
			if (target.verdict != TargetState.DRAINING) {
				active.add(target);
				believed.add(new NodeProbe(target.passing(), target.weight));
			}
		}
		this.failingOpen = CloudLoadBalancer.failsOpen(service, believed);
		if (this.failingOpen && !noLoadBalancer() && this.core.spec().noHealthy() != NoHealthy.FAIL_OPEN) {
			this.failingOpen = false;
			this.noneHealthy = true;
			this.picks = new SimNode[0];
			this.pickShares = new Fraction[0];
			this.cumulative = new double[0];
			return;
		}
		List<Fraction> shares = perZone() ? zoneShares(active)
				: new CloudLoadBalancer(spreadModel()).shares(service, believed);
		List<SimNode> picked = new ArrayList<>();
		List<Fraction> pickedShares = new ArrayList<>();
		for (int i = 0; i < shares.size(); i++) {
			if (!shares.get(i).isZero()) {
				picked.add(active.get(i));
				pickedShares.add(shares.get(i));
			}
		}
		this.picks = picked.toArray(new SimNode[0]);
		this.pickShares = pickedShares.toArray(new Fraction[0]);
		this.cumulative = new double[pickedShares.size()];
		this.uniform = true;
		double sum = 0;
		for (int i = 0; i < pickedShares.size(); i++) {
			sum += pickedShares.get(i).toDouble();
			this.cumulative[i] = sum;
			this.uniform &= pickedShares.get(i).equals(pickedShares.get(0));
		}
	}

	/** Whether new connections pick a zone first: the NLB with cross-zone off. */
	/**
	 * Per zone with cross-zone off ({@link ZoneSpread}, the analyzer's rule); failing
	 * open over every active target.
	 */
	private static List<Fraction> zoneShares(List<SimNode> active) {
		String[] zones = new String[active.size()];
		boolean[] healthy = new boolean[active.size()];
		for (int i = 0; i < zones.length; i++) {
			zones[i] = LoadBalancerAddresses.zoneOf(active.get(i).model);
			healthy[i] = active.get(i).passing();
		}
		return List.of(ZoneSpread.shares(zones, healthy, false, true));
	}

	private boolean perZone() {
		// cross-zone as the Service's annotations set it (the catalogue reads them)
		return !noLoadBalancer() && this.core.spec().spreading() == Spread.PER_ZONE
				&& spreadModel() == LoadBalancerModel.EVEN;
	}

	/**
	 * Even or weighted by the probe's header: the sandbox's knob for the NLB with
	 * instance targets (the weighted what-if), the catalogue's spreading for the others.
	 */
	private LoadBalancerModel spreadModel() {
		if (noLoadBalancer() || SimulatedBalancers.spreadKnob(this.core.settings.kind())) {
			return this.core.loadBalancerModel();
		}
		return (this.core.spec().spread() == Spread.WEIGHTED_BY_HEADER) ? LoadBalancerModel.WEIGHTED
				: LoadBalancerModel.EVEN;
	}

	/**
	 * Whether no target passes and the load balancer sends nothing rather than fail open.
	 */
	boolean noneHealthy() {
		return this.noneHealthy;
	}

	/**
	 * The node the LB sends the next new connection to, or {@code null} when it has none.
	 */
	@Nullable SimNode pick(SplitMix64 random) {
		if (announces()) {
			return this.core.announcer.announcer();
		}
		if (advertises()) {
			return this.core.bgp.pick(random);
		}
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
		return targetsPods() ? this.core.podTargets.failingOpen() : this.failingOpen;
	}

	/**
	 * The exact share of new connections the load balancer sends to each node now, by
	 * node name: from its current verdicts (which lag the nodes' answers by its
	 * thresholds), the node that answers ARP, the router's routes or the pod targets.
	 * Nodes it sends nothing are absent. Once its checks settle this is the analyzer's
	 * {@code lbShare}.
	 */
	Map<String, Fraction> sharesNow() {
		Map<String, Fraction> shares = new HashMap<>();
		if (announces()) {
			SimNode announcer = this.core.announcer.announcer();
			if (announcer != null) {
				shares.put(announcer.name, Fraction.ONE);
			}
		}
		else if (advertises()) {
			List<String> routed = this.core.bgp.routedNodeNames();
			routed.forEach((name) -> shares.put(name, Fraction.oneOver(routed.size())));
		}
		else if (targetsPods()) {
			shares.putAll(this.core.podTargets.sharesByNodeNow());
		}
		else {
			for (int i = 0; i < this.picks.length; i++) {
				shares.merge(this.picks[i].name, this.pickShares[i], Fraction::plus);
			}
		}
		return shares;
	}

	/** How many targets the LB currently sends connections to. */
	int spreadOver() {
		if (announces()) {
			return (this.core.announcer.announcer() != null) ? 1 : 0;
		}
		if (targetsPods()) {
			return this.core.podTargets.spreadOver();
		}
		if (advertises()) {
			return this.core.bgp.routes();
		}
		return this.picks.length;
	}

	List<SimNode> targets() {
		return this.targets;
	}

	private static String seconds(long micros) {
		return (micros % 1_000_000 == 0) ? (micros / 1_000_000) + " s" : Times.format(micros);
	}

	boolean noLoadBalancer() {
		return this.core.entry().kind() != ExternalEntry.CLOUD_LOAD_BALANCER;
	}

}
