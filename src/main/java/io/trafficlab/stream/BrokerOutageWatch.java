package io.trafficlab.stream;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.broker.BrokerAvailabilityEvent;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Feeds {@link BrokerOutages} with the relay's {@link BrokerAvailabilityEvent}s, and
 * checks every 10 seconds once the application is ready (the relay publishes no event for
 * a broker that never answered); only when the relay is switched on.
 */
@Component
class BrokerOutageWatch {

	private static final Duration CHECK_EVERY = Duration.ofSeconds(10);

	private final BrokerOutages outages;

	private final BrokerLink link;

	private final RoomsOverBroker rooms;

	private final TaskScheduler scheduler;

	private volatile @Nullable ScheduledFuture<?> checking;

	private volatile boolean closing;

	BrokerOutageWatch(StreamProperties properties, Clock clock, BrokerLink link, RoomsOverBroker rooms,
			@Qualifier("messageBrokerTaskScheduler") TaskScheduler scheduler) {
		this.outages = new BrokerOutages(properties.relay().host(), properties.relay().port(), clock);
		this.link = link;
		this.rooms = rooms;
		this.scheduler = scheduler;
	}

	BrokerOutages outages() {
		return this.outages;
	}

	@EventListener
	void availability(BrokerAvailabilityEvent event) {
		if (this.closing || !this.link.enabled() || !this.link.about(event)) {
			return;
		}
		if (event.isBrokerAvailable()) {
			this.outages.back();
		}
		else {
			this.outages.gone();
			this.rooms.brokerGone();
		}
	}

	@EventListener(ApplicationReadyEvent.class)
	void ready() {
		if (!this.link.enabled()) {
			return;
		}
		this.checking = this.scheduler.scheduleAtFixedRate(() -> {
			if (!this.closing) {
				this.outages.check(this.link.available());
			}
		}, this.scheduler.getClock().instant().plus(CHECK_EVERY), CHECK_EVERY);
	}

	/**
	 * The relay reports the broker unavailable when it stops with the application: that
	 * is no outage.
	 */
	@EventListener(ContextClosedEvent.class)
	void closing() {
		this.closing = true;
		ScheduledFuture<?> task = this.checking;
		if (task != null) {
			task.cancel(false);
		}
	}

}
