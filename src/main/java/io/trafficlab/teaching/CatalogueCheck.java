package io.trafficlab.teaching;

import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reads the bundled lessons and challenges once the application is up, on a thread of its
 * own, so that they are ready before a learner asks and start-up does not wait for them
 * (about half of Spring's start-up time before; README, Benchmarks, "Startup"). A broken
 * file still stops the application, as when they were read during start-up: one log line
 * names the file and the place, and the application exits with status 1.
 */
@Component
class CatalogueCheck {

	private static final Log logger = LogFactory.getLog(CatalogueCheck.class);

	private final LessonCatalog lessons;

	private final ChallengeCatalog challenges;

	private final Consumer<String> stop;

	@Autowired
	CatalogueCheck(LessonCatalog lessons, ChallengeCatalog challenges, ConfigurableApplicationContext context) {
		this(lessons, challenges, (message) -> {
			logger.error(message + ". Stopping.");
			System.exit(SpringApplication.exit(context, () -> 1));
		});
	}

	/**
	 * @param stop called with what is broken
	 */
	CatalogueCheck(LessonCatalog lessons, ChallengeCatalog challenges, Consumer<String> stop) {
		this.lessons = lessons;
		this.challenges = challenges;
		this.stop = stop;
	}

	@EventListener(ApplicationReadyEvent.class)
	void applicationReady() {
		Thread thread = new Thread(this::check, "catalogue-check");
		thread.setDaemon(true);
		thread.start();
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
