package io.trafficlab.sandbox;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.trafficlab.system.DaemonScheduler;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Ends the sandboxes nobody used or watched for {@code idle-timeout}: once a second, on a
 * thread of its own, from start-up to shut-down. (Creating a sandbox also ends idle ones
 * first, so abandoned sandboxes never hold the {@code max-live} cap.)
 */
@Component
class IdleSandboxReaper implements SmartLifecycle, DisposableBean {

	static final Duration SWEEP_INTERVAL = Duration.ofSeconds(1);

	private static final Logger logger = LoggerFactory.getLogger(IdleSandboxReaper.class);

	private final SandboxRegistry registry;

	private final ScheduledExecutorService executor = DaemonScheduler.named("sandbox-reaper");

	private @Nullable ScheduledFuture<?> sweeping;

	IdleSandboxReaper(SandboxRegistry registry) {
		this.registry = registry;
	}

	@Override
	public synchronized void start() {
		if (this.sweeping == null) {
			long millis = SWEEP_INTERVAL.toMillis();
			this.sweeping = this.executor.scheduleWithFixedDelay(this::sweepSafely, millis, millis,
					TimeUnit.MILLISECONDS);
		}
	}

	@Override
	public synchronized void stop() {
		if (this.sweeping != null) {
			this.sweeping.cancel(false);
			this.sweeping = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.sweeping != null;
	}

	@Override
	public void destroy() {
		this.executor.shutdownNow();
	}

	/** Ends every idle sandbox now; returns how many ended. */
	int sweep() {
		return this.registry.endIdle();
	}

	private void sweepSafely() {
		try {
			sweep();
		}
		catch (RuntimeException ex) {
			// An exception would cancel the schedule for good
			logger.error("Ending idle sandboxes failed", ex);
		}
	}

}
