package io.trafficlab.engine.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.trafficlab.engine.apiserver.DeclaredService;
import io.trafficlab.engine.apiserver.InvalidObjectException;
import io.trafficlab.engine.cluster.ClusterDeclaration;
import io.trafficlab.engine.cluster.ClusterLimitException;
import io.trafficlab.engine.model.Cluster;
import io.trafficlab.engine.model.ServiceRef;
import io.trafficlab.engine.rules.RulesScope;
import io.trafficlab.engine.rules.RulesWalk;
import io.trafficlab.engine.rules.RulesWalker;
import io.trafficlab.engine.rules.RulesWriter;
import org.jspecify.annotations.Nullable;

/**
 * A live, steppable simulation of external traffic to one Service: clients, the cloud
 * load balancer and its probes, kube-proxy on every node with its sync delay, conntrack,
 * and pods that start, serve and terminate. Not thread-safe; owns no threads; never reads
 * the wall clock: the caller advances simulated time.
 * <p>
 * The same declaration, settings (seed included) and commands applied at the same
 * simulated times give the same events, byte for byte. The exact shares in
 * {@link #statistics()} are {@code ClusterAnalyzer}'s on {@link #cluster()}, and every
 * connection is routed with the same {@code ServiceEndpoints} and {@code ProxyRules}
 * code, so the simulation never disagrees with {@code /api/v1/analyze} once every actor
 * has caught up.
 */
public final class Simulation {

	private final Core core;

	private final Commands commands;

	private final StatisticsBuilder statistics;

	private final List<String> warnings;

	private final SyncedRulesReader rules;

	private Simulation(Core core, List<String> warnings) {
		this.core = core;
		this.rules = new SyncedRulesReader(core);
		this.commands = new Commands(core);
		this.statistics = new StatisticsBuilder(core);
		this.warnings = List.copyOf(warnings);
	}

	/**
	 * Starts a simulation of {@code declaration} at time 0, in its steady state (the LB's
	 * verdicts already match its probes, every kube-proxy in sync), following the first
	 * LoadBalancer Service (else the first NodePort Service, else the first with external
	 * IPs).
	 * @throws InvalidObjectException when the API server would reject an object
	 * @throws ClusterLimitException when the cluster is larger than a sandbox allows
	 * ({@link SimulationLimits})
	 * @throws IllegalArgumentException when the declaration has no Service to follow, or
	 * it has no selector
	 */
	public static Simulation start(ClusterDeclaration declaration, SimulationSettings settings) {
		return start(declaration, settings, null);
	}

	/**
	 * Starts a simulation that follows the given Service ({@code null}: as
	 * {@link #start(ClusterDeclaration, SimulationSettings)} chooses).
	 */
	public static Simulation start(ClusterDeclaration declaration, SimulationSettings settings,
			@Nullable ServiceRef service) {
		Objects.requireNonNull(declaration, "declaration");
		Objects.requireNonNull(settings, "settings");
		List<String> warnings = new ArrayList<>();
		World world = WorldImport.build(declaration, service, warnings);
		Core core = new Core(world, settings);
		core.begin();
		return new Simulation(core, warnings);
	}

	/** Simulated microseconds since start. */
	public long now() {
		return this.core.now();
	}

	/**
	 * Applies a command at {@link #now()}. Its events are delivered first by the next
	 * {@link #advanceTo} or {@link #step}. The observed counters of {@link #statistics()}
	 * start a new window (unless the command is refused).
	 * @throws IllegalArgumentException for an unknown pod or node or a bad value, with a
	 * clear message
	 * @throws InvalidObjectException when the API server rejects the change (R23)
	 */
	public void apply(SimulationCommand command) {
		Traffic.Window window = this.core.traffic.saveWindow();
		this.core.traffic.restartWindow();
		try {
			this.commands.apply(command);
		}
		catch (RuntimeException ex) {
			this.core.traffic.restoreWindow(window);
			throw ex;
		}
	}

	/**
	 * Checks a command as {@link #apply} would, without applying it: throws what
	 * {@code apply} would throw now, and changes nothing (not even the observed
	 * counters).
	 * @throws IllegalArgumentException for an unknown pod or node or a bad value
	 * @throws InvalidObjectException when the API server would reject the change
	 */
	public void check(SimulationCommand command) {
		this.commands.check(command);
	}

	/**
	 * Processes every event due at or before {@code timeMicros}, in order; afterwards
	 * {@link #now()} is {@code timeMicros}.
	 * @return how many events were processed (queue entries, whether or not the sink
	 * wants events)
	 * @throws IllegalArgumentException when {@code timeMicros} is before {@link #now()}
	 */
	public int advanceTo(long timeMicros, EventSink sink) {
		this.core.emitter.attach(sink);
		try {
			return this.core.loop.advanceTo(timeMicros, this.core);
		}
		finally {
			this.core.emitter.detach();
		}
	}

	/**
	 * Processes exactly the next event, if any; {@link #now()} jumps to it.
	 * @return whether there was an event
	 */
	public boolean step(EventSink sink) {
		this.core.emitter.attach(sink);
		try {
			return this.core.loop.step(this.core);
		}
		finally {
			this.core.emitter.detach();
		}
	}

	/** The full current state, for a late joiner. */
	public SimulationSnapshot snapshot() {
		return SnapshotBuilder.build(this.core);
	}

	/** The exact shares beside the observed counters. */
	public SimulationStatistics statistics() {
		return this.statistics.build();
	}

	/** Starts a new window for the observed counters now. */
	public void resetStatistics() {
		this.core.traffic.restartWindow();
	}

	/**
	 * The current cluster as the API server stores it: exactly what
	 * {@code /api/v1/analyze} would see.
	 */
	public Cluster cluster() {
		return this.core.world.cluster();
	}

	/**
	 * The current state as manifests (for export and reset): assembling it gives
	 * {@link #cluster()} again.
	 */
	public ClusterDeclaration declaration() {
		return this.core.world.declaration();
	}

	/**
	 * The settings as they are now: the ones it started with, changed by commands (LB
	 * model, client rate).
	 */
	public SimulationSettings settings() {
		return this.core.settings;
	}

	/** The Service the simulation follows. */
	public ServiceRef service() {
		return this.core.world.followed;
	}

	/**
	 * The followed Service as the API server stores it now, as a manifest declares it.
	 */
	public DeclaredService declaredService() {
		return this.core.world.declared(this.core.service());
	}

	/**
	 * From now on, every {@link SimulationEvent.ServiceUpdated} carries the Service as
	 * {@code renderer} writes it.
	 */
	public void renderServiceWith(ServiceRenderer renderer) {
		this.core.serviceRenderer = renderer;
	}

	/**
	 * The rules {@code node}'s kube-proxy has programmed as of its last sync, as
	 * {@code writer} writes them: one full write for the cluster that sync saw, linear in
	 * its Services and endpoints in {@code scope} (a sync itself copies nothing).
	 * @throws IllegalArgumentException for an unknown node, naming the nodes
	 * @throws IllegalStateException when the node's kube-proxy has not synced yet
	 */
	public SyncedRules nodeRules(String node, RulesWriter writer, RulesScope scope) {
		return this.rules.rules(node, writer, scope);
	}

	/**
	 * The walk through {@code node}'s rules (as of its last sync, the followed Service's
	 * chains) of the first packet of a connection from {@code clientIp} that the sandbox
	 * routed to {@code podIp}, with the destination the sandbox's clients use there.
	 * @throws IllegalArgumentException for an unknown node, or when clients cannot reach
	 * the Service
	 * @throws IllegalStateException when the node's kube-proxy has not synced yet
	 */
	public RulesWalk rulesWalk(String node, RulesWriter writer, RulesWalker walker, String clientIp, String podIp) {
		return this.rules.walk(node, writer, walker, clientIp, podIp);
	}

	/** What the assembler filled in or left out at start, for people. */
	public List<String> warnings() {
		return this.warnings;
	}

}
