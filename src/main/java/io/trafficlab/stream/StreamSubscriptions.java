package io.trafficlab.stream;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import io.trafficlab.room.RoomAudience;
import io.trafficlab.room.RoomCode;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.support.ChannelInterceptor;
import org.springframework.stereotype.Component;

/**
 * Who watches which sandbox or room, from the SUBSCRIBE, UNSUBSCRIBE and DISCONNECT
 * frames that pass the guard (Spring sends a DISCONNECT of its own when a connection just
 * drops). The ticker builds events and statistics only for sandboxes somebody watches,
 * directly or through a room.
 */
@Component
class StreamSubscriptions implements ChannelInterceptor, RoomAudience {

	private final Map<String, Map<String, StreamDestination>> bySession = new HashMap<>();

	private final Map<StreamDestination, Integer> watchers = new HashMap<>();

	private final PeerReports peers;

	/** One instance alone: nobody watches elsewhere. */
	StreamSubscriptions() {
		this(PeerReports.alone());
	}

	@Autowired
	StreamSubscriptions(PeerReports peers) {
		this.peers = peers;
	}

	@Override
	public void postSend(Message<?> message, MessageChannel channel, boolean sent) {
		MessageHeaders headers = message.getHeaders();
		String session = SimpMessageHeaderAccessor.getSessionId(headers);
		SimpMessageType type = SimpMessageHeaderAccessor.getMessageType(headers);
		if (!sent || session == null || type == null) {
			return;
		}
		String subscription = SimpMessageHeaderAccessor.getSubscriptionId(headers);
		switch (type) {
			case SUBSCRIBE -> StreamDestination.parse(SimpMessageHeaderAccessor.getDestination(headers))
				.filter((destination) -> destination.kind() != StreamDestination.Kind.SNAPSHOT)
				.ifPresent((destination) -> subscribed(session, subscription, destination));
			case UNSUBSCRIBE -> unsubscribed(session, subscription);
			case DISCONNECT -> disconnected(session);
			default -> {
			}
		}
	}

	/**
	 * Whether a browser watches the topic: through this instance, or (a room's topics)
	 * through another.
	 */
	boolean watches(StreamDestination destination) {
		if (watchesHere(destination)) {
			return true;
		}
		return destination.scope() == StreamDestination.Scope.ROOM
				&& this.peers.watchersElsewhere(destination.roomCode()) > 0;
	}

	private synchronized boolean watchesHere(StreamDestination destination) {
		return this.watchers.containsKey(destination);
	}

	/** How many of this instance's browsers watch each room's events, by code. */
	synchronized Map<String, Integer> roomWatchers() {
		Map<String, Integer> rooms = new HashMap<>();
		this.watchers.forEach((destination, count) -> {
			if (destination.scope() == StreamDestination.Scope.ROOM
					&& destination.kind() == StreamDestination.Kind.EVENTS) {
				rooms.put(destination.key(), count);
			}
		});
		return rooms;
	}

	/** The connections that subscribe now to a topic the test accepts. */
	synchronized Set<String> sessionsWatching(Predicate<StreamDestination> test) {
		Set<String> sessions = new HashSet<>();
		this.bySession.forEach((session, subscriptions) -> {
			if (subscriptions.values().stream().anyMatch(test)) {
				sessions.add(session);
			}
		});
		return sessions;
	}

	/** How many subscriptions a topic has now. */
	synchronized int watchers(StreamDestination destination) {
		return this.watchers.getOrDefault(destination, 0);
	}

	/** How many topics one connection subscribes to now. */
	synchronized int subscriptionsOf(String session) {
		Map<String, StreamDestination> subscriptions = this.bySession.get(session);
		return (subscriptions != null) ? subscriptions.size() : 0;
	}

	/** How many times one connection subscribes to one topic now. */
	synchronized int subscriptionsOf(String session, StreamDestination destination) {
		Map<String, StreamDestination> subscriptions = this.bySession.get(session);
		return (subscriptions != null) ? (int) subscriptions.values().stream().filter(destination::equals).count() : 0;
	}

	/**
	 * Every browser watching a room subscribes to its events, through this instance or
	 * another.
	 */
	@Override
	public int watching(RoomCode code) {
		return watchers(StreamDestination.room(code, StreamDestination.Kind.EVENTS))
				+ this.peers.watchersElsewhere(code);
	}

	private synchronized void subscribed(String session, @Nullable String subscription, StreamDestination destination) {
		StreamDestination previous = this.bySession.computeIfAbsent(session, (key) -> new HashMap<>())
			.put(String.valueOf(subscription), destination);
		if (previous != null) {
			release(previous);
		}
		this.watchers.merge(destination, 1, Integer::sum);
	}

	private synchronized void unsubscribed(String session, @Nullable String subscription) {
		Map<String, StreamDestination> subscriptions = this.bySession.get(session);
		StreamDestination destination = (subscriptions != null) ? subscriptions.remove(String.valueOf(subscription))
				: null;
		if (destination != null) {
			release(destination);
		}
	}

	private synchronized void disconnected(String session) {
		Map<String, StreamDestination> subscriptions = this.bySession.remove(session);
		if (subscriptions != null) {
			subscriptions.values().forEach(this::release);
		}
	}

	private void release(StreamDestination destination) {
		this.watchers.computeIfPresent(destination, (key, count) -> (count > 1) ? count - 1 : null);
	}

}
