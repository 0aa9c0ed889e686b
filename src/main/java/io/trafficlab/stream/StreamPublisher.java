package io.trafficlab.stream;

import io.trafficlab.room.RoomCode;
import io.trafficlab.room.RoomDestinations;
import io.trafficlab.room.RoomEnded;
import io.trafficlab.sandbox.EventBatch;
import io.trafficlab.sandbox.SandboxDestinations;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends batches and statistics to a sandbox's topics or a room's (and a room's class
 * state), as JSON: one message per topic, however many browsers subscribe to it (the
 * in-memory broker copies it to each). A room's messages also go to the other instances,
 * when they share a broker ({@link RoomsOverBroker}). Tells a room's students when it
 * ends.
 */
@Component
public class StreamPublisher {

	private final SimpMessagingTemplate template;

	private final @Nullable RoomsOverBroker rooms;

	/** One instance alone. */
	StreamPublisher(SimpMessagingTemplate template) {
		this(template, null);
	}

	@Autowired
	StreamPublisher(SimpMessagingTemplate template, @Nullable RoomsOverBroker rooms) {
		this.template = template;
		this.rooms = rooms;
	}

	void publishBatch(String sandbox, EventBatch batch) {
		this.template.convertAndSend(SandboxDestinations.eventsTopic(sandbox), batch);
	}

	void publishStatistics(String sandbox, StatisticsMessage statistics) {
		this.template.convertAndSend(SandboxDestinations.statsTopic(sandbox), statistics);
	}

	void publishRoomBatch(RoomCode room, EventBatch batch) {
		sendToRoom(room, RoomDestinations.eventsTopic(room), batch);
	}

	void publishRoomStatistics(RoomCode room, StatisticsMessage statistics) {
		sendToRoom(room, RoomDestinations.statsTopic(room), statistics);
	}

	/** A room's class state, to everyone watching the room. */
	public void publishClass(RoomCode room, Object state) {
		sendToRoom(room, RoomDestinations.classTopic(room), state);
	}

	@EventListener
	void roomEnded(RoomEnded ended) {
		sendToRoom(ended.code(), RoomDestinations.eventsTopic(ended.code()), StreamEnded.because(ended.message()));
	}

	/**
	 * To the other instances first: the local copies to this instance's own browsers take
	 * as long as there are browsers, and the others' copies would wait for them.
	 */
	private void sendToRoom(RoomCode room, String destination, Object payload) {
		if (this.rooms != null) {
			this.rooms.publish(room, destination, payload);
		}
		this.template.convertAndSend(destination, payload);
	}

}
