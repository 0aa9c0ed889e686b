package io.trafficlab.system;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The background schedulers (the ticker, the idle reaper, the stream's watchdog): one
 * named daemon thread each, so that none holds the JVM open when the app stops.
 */
public final class DaemonScheduler {

	private DaemonScheduler() {
	}

	/** A scheduler that runs its tasks, one at a time, on a daemon thread so named. */
	public static ScheduledExecutorService named(String threadName) {
		return Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, threadName);
			thread.setDaemon(true);
			return thread;
		});
	}

}
