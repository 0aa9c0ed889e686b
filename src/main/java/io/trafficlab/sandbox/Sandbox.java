package io.trafficlab.sandbox;

import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;

import io.trafficlab.engine.goal.Goal;
import io.trafficlab.engine.goal.GoalReport;
import io.trafficlab.engine.goal.GoalSubject;
import io.trafficlab.engine.simulation.Simulation;
import io.trafficlab.engine.simulation.SimulationCommand;
import io.trafficlab.engine.simulation.SimulationSnapshot;
import io.trafficlab.export.ManifestExporter;
import org.jspecify.annotations.Nullable;

/**
 * One live sandbox: a {@link Simulation} confined behind this sandbox's lock, what it
 * started from (for reset), and how its clock runs. Every access to the simulation goes
 * through the lock, from HTTP threads and the ticker alike.
 *
 * <p>
 * Only the ticker advances simulated time, steps included, and it numbers the batches it
 * produces; a snapshot taken under the same lock therefore shows exactly the batches up
 * to its {@code seq}.
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

	private volatile Instant lastActive;

	Sandbox(String id, SandboxSource source, Simulation simulation, SandboxCommandLimits limits, int maxEventsPerBatch,
			Instant now) {
		this.id = id;
		this.source = source;
		this.simulation = simulation;
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
		update((simulation) -> {
			this.limits.check(command, simulation);
			try {
				simulation.apply(command);
			}
			catch (IllegalArgumentException ex) {
				throw SandboxRequestException.badValue(String.valueOf(ex.getMessage()));
			}
		});
	}

	/** Starts a new window for the observed counters: they count from now on. */
	public void resetStatistics() {
		update(Simulation::resetStatistics);
	}

	public void pause() {
		update((simulation) -> this.paused = true);
	}

	public void resume() {
		update((simulation) -> this.paused = false);
	}

	public void speed(double factor) {
		if (!(factor >= MIN_SPEED && factor <= MAX_SPEED)) {
			throw SandboxRequestException
				.badValue(String.format(Locale.ROOT, "Query parameter 'factor' must be between %s and %s (got %s).",
						MIN_SPEED, (int) MAX_SPEED, factor));
		}
		update((simulation) -> this.speed = factor);
	}

	/**
	 * Asks for {@code count} single events to be processed on the next tick, paused or
	 * not.
	 */
	public void step(int count) {
		update((simulation) -> {
			if (count < 1 || this.pendingSteps + count > MAX_PENDING_STEPS) {
				throw SandboxRequestException
					.badValue("Query parameter 'count' must be between 1 and " + (MAX_PENDING_STEPS - this.pendingSteps)
							+ " (got " + count + "); at most " + MAX_PENDING_STEPS + " steps wait for the next tick.");
			}
			this.pendingSteps += count;
		});
	}

	/**
	 * Starts over from what the sandbox started from, same seed; the clock's pause and
	 * speed stay.
	 */
	void reset(Function<SandboxSource, Simulation> starter) {
		this.lock.lock();
		try {
			replace(this.source, starter);
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Starts a new simulation from {@code source}; watchers see a new generation. */
	void replace(SandboxSource source, Function<SandboxSource, Simulation> starter) {
		this.lock.lock();
		try {
			this.simulation = starter.apply(source);
			this.source = source;
			this.generation++;
			this.pendingSteps = 0;
			this.pending.clear();
		}
		finally {
			this.lock.unlock();
		}
	}

	public SandboxSnapshot snapshot() {
		return read((simulation) -> new SandboxSnapshot(this.id, this.generation, this.seq, this.paused, this.speed,
				this.source.preset(), simulation.snapshot()));
	}

	/**
	 * The current state as a permalink carries it: the cluster exported as manifests, and
	 * the settings.
	 */
	SharedState share() {
		return read((simulation) -> {
			SimulationSnapshot snapshot = simulation.snapshot();
			return new SharedState(ManifestExporter.yaml(simulation.declaration()), this.source.preset(),
					snapshot.settings().seed(), snapshot.loadBalancer(), snapshot.connectionsPerSecond(), this.speed);
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

	/** The current cluster as Kubernetes YAML. */
	public String manifests() {
		return read((simulation) -> ManifestExporter.yaml(simulation.declaration()));
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
		return read((simulation) -> {
			this.pending.want(watched);
			boolean stepped = this.pendingSteps > 0;
			long advance = this.paused ? 0 : Math.max(1, Math.round(intervalMicros * this.speed));
			simulation.advanceTo(simulation.now() + advance, this.pending);
			for (; this.pendingSteps > 0; this.pendingSteps--) {
				simulation.step(this.pending);
			}
			boolean replaced = this.generation != this.publishedGeneration;
			if (!watched || (this.paused && !stepped && !replaced && this.pending.isEmpty())) {
				this.pending.clear();
				return null;
			}
			this.seq++;
			this.publishedGeneration = this.generation;
			return new EventBatch(this.seq, this.generation, simulation.now(), tickWallTime, this.pending.drainEvents(),
					this.pending.drainMissed());
		});
	}

	void touch(Instant now) {
		this.lastActive = now;
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

	private void update(Consumer<Simulation> action) {
		this.lock.lock();
		try {
			action.accept(this.simulation);
		}
		finally {
			this.lock.unlock();
		}
	}

}
