package io.trafficlab.teaching;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.trafficlab.system.DaemonScheduler;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reads the bundled lessons and challenges shortly after the application is up, on a
 * thread of its own, so that start-up does not wait for them (they were about half of
 * Spring's start-up time; README, Benchmarks, "Startup") and they are usually ready
 * before a learner asks (one who asks sooner has them read for their request). The
 * {@link #DELAY} leaves the two cores of a small server to the first pages. A broken file
 * still stops the application, as when they were read during start-up: one log line names
 * the file and the place, and the application exits with status 1.
 */
@Component
record CatalogueCheck(LessonCatalog lessons, ChallengeCatalog challenges, Consumer<String> stop) {

	static final Duration DELAY = Duration.ofSeconds(3);

	private static final Log logger = LogFactory.getLog(CatalogueCheck.class);

	/**
	 * Stops with {@code System.exit(1)}: Spring Boot's shutdown hook closes the context.
	 * Closing it from this daemon thread first would let the JVM end with status 0 as
	 * soon as Tomcat's threads stop.
	 */
	@Autowired
	CatalogueCheck(LessonCatalog lessons, ChallengeCatalog challenges) {
		this(lessons, challenges, (message) -> {
			logger.error(message + ". Stopping.");
			System.exit(1);
		});
	}

	/**
	 * @param stop called with what is broken
	 */

	@EventListener(ApplicationReadyEvent.class)
	void applicationReady() {
		ScheduledExecutorService executor = DaemonScheduler.named("catalogue-check");
		executor.schedule(this::check, DELAY.toMillis(), TimeUnit.MILLISECONDS);
		executor.shutdown();
	}

	/** Reads both catalogues; {@code stop} hears of the first broken file. */
	void check() {
		try {
			this.lessons.all();
			this.challenges.all();
		}
		catch (RuntimeException ex) {
			this.stop.accept(String.valueOf(ex.getMessage()));
		}
	}

}
