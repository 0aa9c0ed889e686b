package io.trafficlab.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import io.trafficlab.engine.apiserver.DeclaredService;
import io.trafficlab.engine.cluster.ClusterEditor;
import io.trafficlab.engine.cluster.ServiceUpdate;
import io.trafficlab.engine.goal.Goal;
import io.trafficlab.engine.goal.GoalReport;
import io.trafficlab.engine.goal.GoalSubject;
import io.trafficlab.engine.model.Node;
import io.trafficlab.engine.model.ServiceRef;
import io.trafficlab.engine.rules.RulesScope;
import io.trafficlab.engine.rules.RulesWalk;
import io.trafficlab.engine.rules.RulesWalker;
import io.trafficlab.engine.rules.RulesWriter;
import io.trafficlab.engine.simulation.Simulation;
import io.trafficlab.engine.simulation.SimulationCommand;
import io.trafficlab.engine.simulation.SimulationCommand.UpdateService;
import io.trafficlab.engine.simulation.SimulationSnapshot;
import io.trafficlab.engine.simulation.SyncedRules;
import io.trafficlab.export.ManifestExporter;
import org.jspecify.annotations.Nullable;

/**
 * One live sandbox: a {@link Simulation} confined behind this sandbox's lock, what it
 * started from (for reset), and how its clock runs. Every access to the simulation goes
 * through the lock, from HTTP threads and the ticker alike. The lock is exclusive, not a
 * read-write lock: even the simulation's queries write (statistics and goal checks fill
 * the cached exact analysis), so {@code read} and {@code change} only say what the caller
 * means to do.
 *
 * <p>
 * Only the ticker advances simulated time, steps included, and it numbers the batches it
 * produces; a snapshot taken under the same lock therefore shows exactly the batches up
 * to its {@code seq}.
 * <p>
 * A sandbox in a {@link Comparison} changes only together with the other side: every
 * change takes both locks (left first), checks both sides, then changes both; and the
 * left side's tick advances both clocks.
 */
public final class Sandbox {

	/** The slowest clock: a tenth of a simulated second per wall-clock second. */
	public static final double MIN_SPEED = 0.1;

	/** The fastest clock: fifty simulated seconds per wall-clock second. */
	public static final double MAX_SPEED = 50;

	/** At most this many steps may wait for the next tick. */
	public static final int MAX_PENDING_STEPS = 100;

	private final String id;

	private final SandboxCommandLimits limits;

	private final ReentrantLock lock = new ReentrantLock();

	private final EventCollector pending;

	private SandboxSource source;

	private Simulation simulation;

	private boolean paused;

	private double speed = 1;

	private long generation;

	private long seq;

	private long publishedGeneration;

	private int pendingSteps;

	/** Steps processed since the last batch. */
	private boolean stepped;

	/** Whether anybody watched at the last tick. */
	private boolean watched;

	/** Commands accepted through the API since the sandbox started. */
	private long revision;

	private volatile @Nullable Comparison comparison;

	private volatile Instant lastActive;

	private volatile boolean used;

	Sandbox(String id, SandboxSource source, Simulation simulation, SandboxCommandLimits limits, int maxEventsPerBatch,
			Instant now) {
		this.id = id;
		this.source = source;
		this.simulation = rendering(simulation);
		this.limits = limits;
		this.pending = new EventCollector(maxEventsPerBatch);
		this.lastActive = now;
	}

	public String id() {
		return this.id;
	}

	/** The preset the simulation started from, or {@code null} for pasted manifests. */
	public @Nullable String preset() {
		this.lock.lock();
		try {
			return this.source.preset();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Applies a command at the current simulated time.
	 * @throws SandboxRequestException when the command goes beyond the sandbox's limits
	 * or the simulation refuses a value
	 * @throws io.trafficlab.engine.apiserver.InvalidObjectException when the API server
	 * would refuse the change
	 */
	public void apply(SimulationCommand command) {
		change((sides) -> {
			for (Sandbox side : sides) {
				side.check(command);
			}
			return () -> sides.forEach((side) -> side.applyChecked(command));
		});
	}

	/**
	 * {@code kubectl edit} of the followed Service: what the API server's update releases
	 * and allocates (R23), computed on the cluster as it is, then the update applied (or
	 * refused, changing nothing).
	 */
	public ServiceUpdate editService(DeclaredService edited) {
		UpdateService command = new UpdateService(edited);
		ServiceUpdate update = read((simulation) -> {
			check(command);
			return ClusterEditor.update(simulation.cluster(), edited);
		});
		apply(command);
		return update;
	}

	private void check(SimulationCommand command) {
		Comparison comparison = this.comparison;
		if (comparison != null) {
			comparison.refuse(command);
		}
		this.limits.check(command, this.simulation);
		try {
			this.simulation.check(command);
		}
		catch (IllegalArgumentException ex) {
			throw SandboxRequestException.badValue(String.valueOf(ex.getMessage()));
		}
	}

	private void applyChecked(SimulationCommand command) {
		try {
			this.simulation.apply(command);
		}
		catch (IllegalArgumentException ex) {
			throw SandboxRequestException.badValue(String.valueOf(ex.getMessage()));
		}
	}

	/** Starts a new window for the observed counters: they count from now on. */
	public void resetStatistics() {
		changeEach((side) -> side.simulation.resetStatistics());
	}

	public void pause() {
		changeEach((side) -> side.paused = true);
	}

	public void resume() {
		changeEach((side) -> side.paused = false);
	}

	public void speed(double factor) {
		if (!(factor >= MIN_SPEED && factor <= MAX_SPEED)) {
			throw SandboxRequestException
				.badValue(String.format(Locale.ROOT, "Query parameter 'factor' must be between %s and %s (got %s).",
						MIN_SPEED, (int) MAX_SPEED, factor));
		}
		changeEach((side) -> side.speed = factor);
	}

	/**
	 * Asks for {@code count} single events to be processed on the next tick, paused or
	 * not.
	 */
	public void step(int count) {
		change((sides) -> {
			if (count < 1 || count > MAX_PENDING_STEPS) {
				throw SandboxRequestException.badValue(
						"Query parameter 'count' must be between 1 and " + MAX_PENDING_STEPS + " (got " + count + ").");
			}
			for (Sandbox side : sides) {
				int room = MAX_PENDING_STEPS - side.pendingSteps;
				if (count > room) {
					throw SandboxRequestException.badValue(((room == 0) ? "No more steps fit before the next tick"
							: "Only " + room + ((room == 1) ? " more step fits" : " more steps fit")
									+ " before the next tick")
							+ ": " + side.pendingSteps + " of at most " + MAX_PENDING_STEPS
							+ " wait already (got count " + count + "). Step again after the next tick.");
				}
			}
			return () -> sides.forEach((side) -> side.pendingSteps += count);
		});
	}

	/**
	 * Starts over from what the sandbox started from, same seed; the clock's pause and
	 * speed stay.
	 */
	void reset(Function<SandboxSource, Simulation> starter) {
		change((sides) -> restart(sides, null, this.comparison, starter));
	}

	/** Starts a new simulation from {@code source}; watchers see a new generation. */
	void replace(SandboxSource source, Function<SandboxSource, Simulation> starter) {
		change((sides) -> restart(sides, source, this.comparison, starter));
	}

	/**
	 * Starts every side's new simulation (each side's own source, or
	 * {@code replacement}), and returns what puts them in place: nothing changes if one
	 * cannot start.
	 */
	private static Runnable restart(List<Sandbox> sides, @Nullable SandboxSource replacement,
			@Nullable Comparison comparison, Function<SandboxSource, Simulation> starter) {
		List<Simulation> started = new ArrayList<>();
		for (Sandbox side : sides) {
			Simulation simulation = rendering(starter.apply((replacement != null) ? replacement : side.source));
			if (comparison != null) {
				comparison.setUp(side, simulation);
			}
			started.add(simulation);
		}
		return () -> {
			for (int i = 0; i < sides.size(); i++) {
				Sandbox side = sides.get(i);
				side.simulation = started.get(i);
				side.source = (replacement != null) ? replacement : side.source;
				side.generation++;
				side.pendingSteps = 0;
				side.pending.clear();
			}
		};
	}

	/**
	 * Starts comparing this sandbox (the left side, under Cluster) with {@code right}, a
	 * sandbox nobody else knows yet: both start over from this one's source and seed, and
	 * the right one takes this one's clock.
	 * @throws SandboxRequestException (409) when either is compared already
	 */
	void compareWith(Sandbox right, Function<SandboxSource, Simulation> starter) {
		Comparison comparison = new Comparison(this, right);
		List<Sandbox> sides = comparison.sides();
		lock(sides);
		try {
			if (this.comparison != null || right.comparison != null) {
				throw SandboxRequestException.conflict("Sandbox " + this.id + " is compared already; stop "
						+ "comparing (DELETE .../comparison) before starting again.");
			}
			SandboxSource start = this.source;
			restart(sides, start, comparison, starter).run();
			right.paused = this.paused;
			right.speed = this.speed;
			sides.forEach((side) -> side.comparison = comparison);
		}
		finally {
			unlock(sides);
		}
	}

	/**
	 * Ends this sandbox's comparison, if any: both sides go on alone.
	 * @return the right side, which the caller ends, or {@code null} when there was no
	 * comparison
	 */
	@Nullable Sandbox stopComparing() {
		List<Sandbox> sides = lockSides();
		try {
			Comparison comparison = this.comparison;
			if (comparison == null) {
				return null;
			}
			sides.forEach((side) -> side.comparison = null);
			return comparison.right();
		}
		finally {
			unlock(sides);
		}
	}

	/**
	 * Counts a command accepted through the API on every side, and describes this sandbox
	 * after it.
	 */
	CommandOutcome accepted(CommandId command) {
		List<Sandbox> sides = lockSides();
		try {
			sides.forEach((side) -> side.revision++);
			Comparison comparison = this.comparison;
			return new CommandOutcome(command.id(), this.id, this.generation, this.revision, this.paused, this.speed,
					this.simulation.now(), this.source.preset(),
					(comparison != null) ? comparison.other(this).id() : null);
		}
		finally {
			unlock(sides);
		}
	}

	/**
	 * Whether the sandbox has accepted a command through the API since it started (what
	 * its creator did to set it up, and a lesson's reveals, do not count).
	 */
	public boolean changedSinceStart() {
		return read((simulation) -> this.revision > 0);
	}

	/** What the sandbox started from, for a comparison's second sandbox. */
	SandboxSource source() {
		return read((simulation) -> this.source);
	}

	public SandboxSnapshot snapshot() {
		return read((simulation) -> new SandboxSnapshot(this.id, this.generation, this.seq, this.paused, this.speed,
				this.source.preset(), simulation.snapshot(),
				ManifestExporter.serviceYaml(simulation.declaredService(), simulation.settings().kind())));
	}

	/**
	 * The page shows the Service as YAML: the server writes it, in snapshots and in every
	 * ServiceUpdated.
	 */
	private static Simulation rendering(Simulation simulation) {
		simulation.renderServiceWith(ManifestExporter::serviceYaml);
		return simulation;
	}

	/**
	 * The current state as a permalink carries it: the cluster exported as manifests, and
	 * the settings.
	 */
	SharedState share() {
		return read((simulation) -> {
			SimulationSnapshot snapshot = simulation.snapshot();
			return new SharedState(ManifestExporter.yaml(simulation.declaration()), this.source.preset(),
					snapshot.settings().seed(), snapshot.loadBalancer(), snapshot.connectionsPerSecond(), this.speed,
					snapshot.settings().kind(), snapshot.settings().dataplane(), snapshot.settings().network());
		});
	}

	/**
	 * The current state as a permalink's {@code s} parameter: opening {@code /?s=...}
	 * starts a new sandbox like this one.
	 * @throws SandboxRequestException (422) when the state is too long for a link
	 */
	public String permalinkState() {
		String link = PermalinkCodec.encode(share());
		if (link.length() > PermalinkCodec.MAX_LINK_CHARS) {
			throw SandboxRequestException.unprocessable("This sandbox is too large to share as a link (" + link.length()
					+ " characters, at most " + PermalinkCodec.MAX_LINK_CHARS
					+ "): export it as YAML instead (GET .../manifests) and apply that.");
		}
		return link;
	}

	/**
	 * The current cluster as Kubernetes YAML, with the load balancer and dataplane as a
	 * real cluster declares them.
	 */
	public String manifests() {
		return read((simulation) -> ManifestExporter.yaml(simulation.declaration(), simulation.settings().kind(),
				simulation.settings().dataplane(), simulation.settings().network()));
	}

	/**
	 * The rules {@code node}'s kube-proxy has as of its last sync.
	 * @throws SandboxRequestException 400 for an unknown node, 409 before its first sync
	 */
	public SyncedRules nodeRules(String node, RulesWriter writer, RulesScope scope) {
		return read((simulation) -> refusing(() -> simulation.nodeRules(node, writer, scope)));
	}

	/**
	 * The walk through {@code node}'s synced rules of a connection from {@code clientIp}
	 * that the sandbox routed to {@code podIp}.
	 * @throws SandboxRequestException 400 for an unknown node, 409 before its first sync
	 */
	public RulesWalk rulesWalk(String node, RulesWriter writer, RulesWalker walker, String clientIp, String podIp) {
		return read((simulation) -> refusing(() -> simulation.rulesWalk(node, writer, walker, clientIp, podIp)));
	}

	/** The Service the simulation follows. */
	public ServiceRef service() {
		return read(Simulation::service);
	}

	/** The names of the nodes in the cluster now. */
	public List<String> nodeNames() {
		return read((simulation) -> simulation.cluster().nodes().stream().map(Node::name).toList());
	}

	private static <T> T refusing(Supplier<T> query) {
		try {
			return query.get();
		}
		catch (IllegalArgumentException ex) {
			throw SandboxRequestException.badValue(String.valueOf(ex.getMessage()));
		}
		catch (IllegalStateException ex) {
			throw SandboxRequestException.conflict(String.valueOf(ex.getMessage()));
		}
	}

	/** Checks a lesson's or challenge's goal against the cluster as it is now. */
	public GoalReport check(Goal goal) {
		return read((simulation) -> goal.check(GoalSubject.of(simulation)));
	}

	public SandboxStatistics statistics() {
		return read((simulation) -> new SandboxStatistics(this.generation, this.paused, this.speed,
				simulation.statistics()));
	}

	/** The simulation's generation; see {@link EventBatch#generation()}. */
	public long generation() {
		return read((simulation) -> this.generation);
	}

	/**
	 * One tick: advances the clock by {@code intervalMicros} times the speed (unless
	 * paused), processes the steps asked for, and numbers what happened as the next
	 * batch. While paused, only what is due at the current instant is processed: what
	 * commands have just caused.
	 * @param intervalMicros the tick's length at 1x
	 * @param tickWallTime when the tick started, epoch milliseconds
	 * @param watched whether anybody watches the stream: if not, no events are built and
	 * no batch is returned
	 * @return the batch to publish, or {@code null} when there is nothing to tell (paused
	 * and nothing happened, or nobody watches)
	 */
	public @Nullable EventBatch tick(long intervalMicros, long tickWallTime, boolean watched) {
		List<Sandbox> sides = lockSides();
		try {
			this.watched = watched;
			// the left side of a comparison advances both clocks, so that no command
			// falls between them; the right side only tells what happened
			if (sides.get(0) == this) {
				sides.forEach((side) -> side.advance(intervalMicros));
			}
			return batch(tickWallTime);
		}
		finally {
			unlock(sides);
		}
	}

	private void advance(long intervalMicros) {
		this.pending.want(this.watched);
		this.stepped |= this.pendingSteps > 0;
		long advance = this.paused ? 0 : Math.max(1, Math.round(intervalMicros * this.speed));
		this.simulation.advanceTo(this.simulation.now() + advance, this.pending);
		for (; this.pendingSteps > 0; this.pendingSteps--) {
			this.simulation.step(this.pending);
		}
	}

	private @Nullable EventBatch batch(long tickWallTime) {
		boolean stepped = this.stepped;
		this.stepped = false;
		boolean replaced = this.generation != this.publishedGeneration;
		if (!this.watched || (this.paused && !stepped && !replaced && this.pending.isEmpty())) {
			this.pending.clear();
			return null;
		}
		this.seq++;
		this.publishedGeneration = this.generation;
		return new EventBatch(this.seq, this.generation, this.simulation.now(), tickWallTime,
				this.pending.drainEvents(), this.pending.drainMissed());
	}

	/** Marks the sandbox as used, and the other side of its comparison with it. */
	void touch(Instant now) {
		this.lastActive = now;
		this.used = true;
		Comparison comparison = this.comparison;
		if (comparison != null) {
			Sandbox other = comparison.other(this);
			other.lastActive = now;
			other.used = true;
		}
	}

	/** Whether anybody has watched it or sent it a command since it was created. */
	boolean used() {
		return this.used;
	}

	Instant lastActive() {
		return this.lastActive;
	}

	private <T> T read(Function<Simulation, T> action) {
		this.lock.lock();
		try {
			return action.apply(this.simulation);
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Changes every side the same way. */
	private void changeEach(Consumer<Sandbox> action) {
		change((sides) -> () -> sides.forEach(action));
	}

	/**
	 * Under every side's lock: {@code prepare} checks every side and returns the change,
	 * which then runs; a refusal from any side changes none.
	 */
	private void change(Function<List<Sandbox>, Runnable> prepare) {
		List<Sandbox> sides = lockSides();
		try {
			prepare.apply(sides).run();
		}
		finally {
			unlock(sides);
		}
	}

	/**
	 * Locks this sandbox, and the other side of its comparison if any, left first; tries
	 * again if the comparison started or ended meanwhile.
	 */
	private List<Sandbox> lockSides() {
		while (true) {
			Comparison comparison = this.comparison;
			List<Sandbox> sides = (comparison != null) ? comparison.sides() : List.of(this);
			lock(sides);
			if (this.comparison == comparison) {
				return sides;
			}
			unlock(sides);
		}
	}

	private static void lock(List<Sandbox> sides) {
		sides.forEach((side) -> side.lock.lock());
	}

	private static void unlock(List<Sandbox> sides) {
		for (int i = sides.size() - 1; i >= 0; i--) {
			sides.get(i).lock.unlock();
		}
	}

}
