package io.trafficlab.stream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the operator, in a few lines, when the external broker is away: one line when it
 * goes (or does not answer once the application has started), at most one reminder a
 * minute while it stays away, and one line with how long it was away when it comes back.
 *
 * <p>
 * Spring's relay reports the outage itself at INFO, with a stack trace for each
 * reconnection attempt (every 5 seconds); {@code application.properties} raises that one
 * logger to WARN, so its errors still show. Meanwhile each browser here watching another
 * instance's room gets an ERROR frame and is closed, and the page reconnects
 * ({@link RoomsOverBroker}); sandboxes, and rooms watched on their owner, go on as
 * before; the relay's system connection retries every 5 seconds, and what the instance
 * sends to the broker is dropped ({@link BrokerLink}) while the simulations run on.
 */
final class BrokerOutages {

	private static final Logger logger = LoggerFactory.getLogger(BrokerOutages.class);

	static final Duration REMINDER_INTERVAL = Duration.ofMinutes(1);

	private final String address;

	private final Clock clock;

	/** When the current outage started, or {@code null} while the broker answers. */
	private final AtomicReference<@Nullable Instant> since = new AtomicReference<>();

	private volatile Instant lastReminder = Instant.MIN;

	BrokerOutages(String host, int port, Clock clock) {
		this.address = host + ":" + port;
		this.clock = clock;
	}

	/** Whether the broker is away right now, as far as this knows. */
	boolean brokerAway() {
		return this.since.get() != null;
	}

	/** The relay's connection to the broker is lost, or could not be made. */
	void gone() {
		Instant now = this.clock.instant();
		if (this.since.compareAndSet(null, now)) {
			this.lastReminder = now;
			logger.warn("The message broker at {} is not answering: students of other servers' rooms are "
					+ "told and reconnect; simulations run on, messages to the other servers are dropped until "
					+ "it is back (trying again every 5 s)", this.address);
		}
	}

	/** The relay is connected to the broker again. */
	void back() {
		Instant started = this.since.getAndSet(null);
		if (started != null) {
			logger.info("The message broker at {} is back after {}: other servers' rooms flow again", this.address,
					words(Duration.between(started, this.clock.instant())));
		}
	}

	/**
	 * Called every few seconds: notices a broker that never answered since the start, and
	 * reminds at most once a minute while it stays away.
	 * @param available whether the relay is connected right now
	 */
	void check(boolean available) {
		if (!available) {
			gone();
		}
		Instant started = this.since.get();
		Instant now = this.clock.instant();
		if (started != null && !available
				&& Duration.between(this.lastReminder, now).compareTo(REMINDER_INTERVAL) >= 0) {
			this.lastReminder = now;
			logger.warn("The message broker at {} has not answered for {}; simulations run on", this.address,
					words(Duration.between(started, now)));
		}
	}

	/** "42 s", "3 min 5 s", "2 h 1 min". */
	static String words(Duration duration) {
		long seconds = Math.max(0, duration.toSeconds());
		if (seconds < 60) {
			return seconds + " s";
		}
		if (seconds < 3600) {
			return (seconds / 60) + " min " + (seconds % 60) + " s";
		}
		return (seconds / 3600) + " h " + ((seconds % 3600) / 60) + " min";
	}

}
