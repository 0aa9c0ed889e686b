package io.trafficlab.stream;

import java.util.Collection;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.trafficlab.room.RoomCode;
import io.trafficlab.room.RoomRegistry;
import io.trafficlab.sandbox.EventBatch;
import io.trafficlab.sandbox.Sandbox;
import io.trafficlab.sandbox.SandboxCreated;
import io.trafficlab.sandbox.SandboxProperties;
import io.trafficlab.sandbox.SandboxRegistry;
import io.trafficlab.sandbox.SandboxStatistics;
import io.trafficlab.system.DaemonScheduler;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The one thread that moves every sandbox's clock: each tick (every
 * {@code tick-interval}, 50 ms by default) advances every running sandbox by the interval
 * times its speed and publishes one batch per watched sandbox (ticks missed while the
 * instance was behind are skipped, not caught up: {@link TickPacer}); every
 * {@code stats-interval} it publishes watched sandboxes' statistics. Watching a sandbox
 * keeps it alive; ending idle ones is {@code sandbox.IdleSandboxReaper}'s. Watching a
 * classroom room counts as watching the sandbox it follows: the batch goes to the room's
 * topic too, once. Sandboxes nobody watches keep their clocks running but build no
 * events. It runs only while there are sandboxes.
 */
@Component
class SimulationTicker implements SmartLifecycle, DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(SimulationTicker.class);

	private final SandboxRegistry registry;

	private final StreamSubscriptions subscriptions;

	private final StreamPublisher publisher;

	private final RoomRegistry rooms;

	private final long intervalMillis;

	private final long intervalMicros;

	private final long statsEvery;

	/**
	 * Instances share a broker: an open room's topics are published whether or not this
	 * instance's own browsers watch, since others' may.
	 */
	private final boolean shared;

	private final ScheduledExecutorService executor = DaemonScheduler.named("sandbox-ticker");

	private @Nullable ScheduledFuture<?> ticking;

	private volatile boolean running;

	private long ticks;

	private final TickPacer pacer;

	private long lastSkipReport = System.nanoTime();

	SimulationTicker(SandboxRegistry registry, RoomRegistry rooms, StreamSubscriptions subscriptions,
			StreamPublisher publisher, SandboxProperties properties) {
		this(registry, rooms, subscriptions, publisher, properties, false);
	}

	@Autowired
	SimulationTicker(SandboxRegistry registry, RoomRegistry rooms, StreamSubscriptions subscriptions,
			StreamPublisher publisher, SandboxProperties properties, StreamProperties streamProperties) {
		this(registry, rooms, subscriptions, publisher, properties, streamProperties.relay().enabled());
	}

	private SimulationTicker(SandboxRegistry registry, RoomRegistry rooms, StreamSubscriptions subscriptions,
			StreamPublisher publisher, SandboxProperties properties, boolean shared) {
		this.shared = shared;
		this.registry = registry;
		this.rooms = rooms;
		this.subscriptions = subscriptions;
		this.publisher = publisher;
		this.intervalMillis = properties.tickInterval().toMillis();
		this.intervalMicros = properties.tickInterval().toNanos() / 1_000;
		this.pacer = new TickPacer(properties.tickInterval().toNanos());
		this.statsEvery = Math.max(1, properties.statsInterval().toMillis() / this.intervalMillis);
	}

	@EventListener
	void sandboxCreated(SandboxCreated created) {
		startTicking();
	}

	/**
	 * Whether the ticker is scheduled right now (it stops while there are no sandboxes).
	 */
	synchronized boolean isTicking() {
		return this.ticking != null && !this.ticking.isDone();
	}

	@Override
	public synchronized void start() {
		this.running = true;
		if (this.registry.size() > 0) {
			startTicking();
		}
	}

	/**
	 * Stops ticking; a later {@link #start()} (a context can be stopped and started
	 * again) resumes.
	 */
	@Override
	public synchronized void stop() {
		this.running = false;
		if (this.ticking != null) {
			this.ticking.cancel(false);
			this.ticking = null;
		}
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private synchronized void startTicking() {
		if (this.running && !isTicking()) {
			this.ticking = this.executor.scheduleAtFixedRate(this::tickSafely, 0, this.intervalMillis,
					TimeUnit.MILLISECONDS);
		}
	}

	/** Stops unless a sandbox was created since the caller looked. */
	private synchronized void stopTickingIfEmpty() {
		if (this.registry.size() == 0 && this.ticking != null) {
			this.ticking.cancel(false);
			this.ticking = null;
		}
	}

	private void tickSafely() {
		if (!this.pacer.tickAt(System.nanoTime())) {
			return;
		}
		reportSkippedTicks();
		try {
			tick(System.currentTimeMillis());
		}
		catch (RuntimeException ex) {
			// An exception would cancel the schedule for good
			logger.error("Sandbox tick failed", ex);
		}
	}

	/**
	 * At most once a minute, how many catch-up firings were skipped ({@link TickPacer}).
	 */
	private void reportSkippedTicks() {
		long now = System.nanoTime();
		if (now - this.lastSkipReport < TimeUnit.MINUTES.toNanos(1)) {
			return;
		}
		this.lastSkipReport = now;
		long skipped = this.pacer.takeSkipped();
		if (skipped > 0) {
			logger.warn("The ticker fell behind and skipped {} ticks since it last said so: the simulations ran "
					+ "slower than the wall clock meanwhile", skipped);
		}
	}

	private void tick(long wallTime) {
		this.ticks++;
		if (this.registry.size() == 0) {
			stopTickingIfEmpty();
			return;
		}
		Collection<Sandbox> live = this.registry.live();
		for (Sandbox sandbox : live) {
			advance(sandbox, wallTime);
		}
		// Statistics after every batch is out, so that computing them never delays a
		// batch
		if (this.ticks % this.statsEvery == 0) {
			for (Sandbox sandbox : live) {
				publishStatistics(sandbox, wallTime);
			}
		}
	}

	private void advance(Sandbox sandbox, long wallTime) {
		Audience audience = audience(sandbox, StreamDestination.Kind.EVENTS);
		if (audience.watched() || audience(sandbox, StreamDestination.Kind.STATS).watched()) {
			this.registry.keepAlive(sandbox);
		}
		EventBatch batch;
		try {
			batch = sandbox.tick(this.intervalMicros, wallTime, audience.any());
		}
		catch (RuntimeException ex) {
			failed(sandbox, ex);
			return;
		}
		if (batch == null) {
			return;
		}
		if (audience.sandbox()) {
			this.publisher.publishBatch(sandbox.id(), batch);
		}
		if (audience.room() != null) {
			this.publisher.publishRoomBatch(audience.room(), batch);
		}
	}

	private void publishStatistics(Sandbox sandbox, long wallTime) {
		Audience audience = audience(sandbox, StreamDestination.Kind.STATS);
		if (!audience.any()) {
			return;
		}
		StatisticsMessage message;
		try {
			SandboxStatistics statistics = sandbox.statistics();
			message = new StatisticsMessage(statistics.generation(), wallTime, statistics.paused(), statistics.speed(),
					statistics.statistics());
		}
		catch (RuntimeException ex) {
			failed(sandbox, ex);
			return;
		}
		if (audience.sandbox()) {
			this.publisher.publishStatistics(sandbox.id(), message);
		}
		if (audience.room() != null) {
			this.publisher.publishRoomStatistics(audience.room(), message);
		}
	}

	/**
	 * Who subscribes to this kind of topic of the sandbox: its own, and the room whose
	 * stream carries it (the room that follows it, or one that shows it), if any.
	 */
	private Audience audience(Sandbox sandbox, StreamDestination.Kind kind) {
		boolean direct = this.subscriptions.watches(StreamDestination.sandbox(sandbox.id(), kind));
		RoomCode room = this.rooms.streaming(sandbox.id()).orElse(null);
		boolean roomWatched = room != null && this.subscriptions.watches(StreamDestination.room(room, kind));
		boolean publishRoom = room != null && (roomWatched || this.shared);
		return new Audience(direct, publishRoom ? room : null, direct || roomWatched);
	}

	/**
	 * A simulation that fails once would fail on every tick: its clock stops, and the log
	 * says so once.
	 */
	private static void failed(Sandbox sandbox, RuntimeException ex) {
		sandbox.pause();
		logger.error("Sandbox {} failed on a tick and was paused", sandbox.id(), ex);
	}

	/**
	 * Who watches one kind of a sandbox's topics.
	 *
	 * @param sandbox whether somebody subscribes to the sandbox's own topic
	 * @param room the room whose topic gets the sandbox's messages, or {@code null}
	 * @param watched whether anybody watches, here or through another instance
	 */
	private record Audience(boolean sandbox, @Nullable RoomCode room, boolean watched) {

		boolean any() {
			return this.sandbox || this.room != null;
		}

	}

}
