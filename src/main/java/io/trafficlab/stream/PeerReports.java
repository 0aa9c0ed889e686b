package io.trafficlab.stream;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import io.trafficlab.cluster.InstanceId;
import io.trafficlab.cluster.ThisInstance;
import io.trafficlab.room.RoomCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHandler;
import org.springframework.stereotype.Component;

/**
 * What the other instances last said ({@link InstanceReport}), as received on the broker
 * relay's own connection: which rooms are open on their owners, and how many browsers
 * watch each room through each instance. A report older than {@link #FRESH_MILLIS} is
 * forgotten: its instance stopped, or cannot reach the broker. With the simple broker
 * (one instance) nothing arrives and every answer is "none".
 */
@Component
class PeerReports implements MessageHandler {

	/** Three reports missed: the instance is gone. */
	static final long FRESH_MILLIS = 3_000;

	private static final Logger logger = LoggerFactory.getLogger(PeerReports.class);

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private final Map<InstanceId, Received> reports = new ConcurrentHashMap<>();

	private final ThisInstance instance;

	private final String boot;

	private final Clock clock;

	PeerReports(ThisInstance instance, Clock clock) {
		this.instance = instance;
		this.boot = UUID.randomUUID().toString();
		this.clock = clock;
	}

	/** One instance alone, which hears from no other. */
	static PeerReports alone() {
		return new PeerReports(ThisInstance.single(), Clock.systemUTC());
	}

	/** This start's random id, which this instance's own reports carry. */
	String boot() {
		return this.boot;
	}

	@Override
	public void handleMessage(Message<?> message) {
		if (message.getPayload() instanceof byte[] payload) {
			try {
				received(JSON.readValue(payload, InstanceReport.class));
			}
			catch (JacksonException | IllegalArgumentException ex) {
				logger.warn("Ignored a report on {} that is not an instance's report: {}", InstanceReport.TOPIC,
						String.valueOf(ex.getMessage()));
			}
		}
	}

	void received(InstanceReport report) {
		InstanceId sender = InstanceId.parse(report.instance());
		if (this.instance.id().filter(sender::equals).isPresent()) {
			if (!report.boot().equals(this.boot)) {
				logger.error("Another instance also calls itself {}: give every instance its own "
						+ "trafficlab.instance.id, or their sandboxes and rooms get mixed up", sender);
			}
			return;
		}
		this.reports.put(sender, new Received(report, this.clock.millis()));
	}

	/** Whether the room's owner, another instance, says the room is open. */
	boolean openElsewhere(RoomCode code) {
		InstanceId owner = InstanceId.ownerOfRoom(code.value());
		Received received = this.reports.get(owner);
		return received != null && fresh(received) && received.report().owned().contains(code.value());
	}

	/** How many browsers watch the room's events through the other instances. */
	int watchersElsewhere(RoomCode code) {
		int sum = 0;
		for (Received received : this.reports.values()) {
			if (fresh(received)) {
				sum += received.report().watchers().getOrDefault(code.value(), 0);
			}
		}
		return sum;
	}

	/** The other instances heard from lately, by symbol. */
	List<String> heard() {
		return this.reports.entrySet()
			.stream()
			.filter((entry) -> fresh(entry.getValue()))
			.map((entry) -> entry.getKey().toString())
			.sorted()
			.toList();
	}

	private boolean fresh(Received received) {
		return this.clock.millis() - received.at() <= FRESH_MILLIS;
	}

	private record Received(InstanceReport report, long at) {
	}

}
