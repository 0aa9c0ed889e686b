package io.trafficlab.stream;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.trafficlab.cluster.InstanceId;
import io.trafficlab.cluster.ThisInstance;
import io.trafficlab.room.RoomCode;
import io.trafficlab.room.RoomEnded;
import io.trafficlab.room.RoomRegistry;
import io.trafficlab.system.DaemonScheduler;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Sends this instance's {@link InstanceReport} to the others through the broker every
 * {@link #EVERY_MILLIS}, and at once when one of its rooms ends; only when instances
 * share a broker (the relay) and this one has a name ({@code trafficlab.instance.id}).
 * While the broker is away reports are dropped: the others forget this instance until it
 * is back.
 */
@Component
class PeerReporter implements SmartLifecycle {

	static final long EVERY_MILLIS = 1_000;

	private final ThisInstance instance;

	private final PeerReports peers;

	private final RoomRegistry rooms;

	private final StreamSubscriptions subscriptions;

	private final ObjectProvider<BrokerLink> link;

	private final StreamPublisher publisher;

	private final boolean shared;

	/** Only the reporting thread touches it. */
	private final Set<String> seenOpenElsewhere = new HashSet<>();

	private final ScheduledExecutorService executor = DaemonScheduler.named("instance-reports");

	private @Nullable ScheduledFuture<?> reporting;

	PeerReporter(ThisInstance instance, PeerReports peers, RoomRegistry rooms, StreamSubscriptions subscriptions,
			ObjectProvider<BrokerLink> link, StreamPublisher publisher, StreamProperties properties) {
		this.instance = instance;
		this.publisher = publisher;
		this.peers = peers;
		this.rooms = rooms;
		this.subscriptions = subscriptions;
		this.link = link;
		this.shared = properties.relay().enabled() && instance.id().isPresent();
	}

	@Override
	public synchronized void start() {
		if (this.shared && this.reporting == null) {
			this.reporting = this.executor.scheduleWithFixedDelay(this::report, 0, EVERY_MILLIS, TimeUnit.MILLISECONDS);
		}
	}

	@Override
	public synchronized void stop() {
		if (this.reporting != null) {
			this.reporting.cancel(false);
			this.reporting = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.reporting != null;
	}

	@EventListener
	void roomEnded(RoomEnded ended) {
		if (this.shared) {
			this.executor.execute(this::report);
		}
	}

	/**
	 * The rooms of other instances this one's browsers watch: when a room's owner stops
	 * reporting, its watchers here are told the room has ended (every instance holding
	 * some tells them; one message ends a browser's stream).
	 */
	private void endRoomsOfSilentOwners(Set<String> watched) {
		for (String value : watched) {
			RoomCode code = new RoomCode(value);
			Optional<InstanceId> owner = this.instance.otherOwnerOfRoom(value);
			if (owner.isEmpty()) {
				continue;
			}
			if (this.peers.openElsewhere(code)) {
				this.seenOpenElsewhere.add(value);
			}
			else if (this.seenOpenElsewhere.remove(value)) {
				this.publisher.roomEnded(new RoomEnded(code, "This room has ended: server " + owner.get()
						+ ", which held it, is not answering (it stopped or restarted)."));
			}
		}
		this.seenOpenElsewhere.retainAll(watched);
	}

	/** What this instance would report now. */
	InstanceReport current() {
		InstanceId id = this.instance.id().orElseThrow();
		Set<String> owned = this.rooms.openCodes();
		return new InstanceReport(id.toString(), this.peers.boot(), owned, this.subscriptions.roomWatchers());
	}

	private void report() {
		try {
			InstanceReport report = current();
			this.link.getObject().send(InstanceReport.TOPIC, report, Map.of());
			endRoomsOfSilentOwners(report.watchers().keySet());
		}
		catch (RuntimeException ex) {
			// The report could not be built this once: the next one, a second later,
			// tries
			// again; the schedule must go on
		}
	}

}
