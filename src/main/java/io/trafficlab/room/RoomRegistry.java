package io.trafficlab.room;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

import io.trafficlab.cluster.ThisInstance;
import io.trafficlab.sandbox.Sandbox;
import io.trafficlab.sandbox.SandboxEnded;
import io.trafficlab.sandbox.SandboxRegistry;
import io.trafficlab.sandbox.SandboxSnapshot;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The open rooms, by code and by the sandbox each follows: at most one room per sandbox,
 * at most {@code max} rooms. A room ends when its sandbox ends or its teacher closes it;
 * the codes of recently ended rooms are remembered, so a student who comes late reads
 * "this room has ended" rather than "no such room", and no new room gets such a code.
 */
@Component
public class RoomRegistry {

	/** How many ended rooms are remembered. */
	static final int REMEMBERED_ENDED = 10_000;

	private final Map<RoomCode, Room> rooms = new HashMap<>();

	private final Map<String, Room> bySandbox = new HashMap<>();

	/** A student's sandbox a room shows instead of the teacher's, by room. */
	private final Map<RoomCode, String> shown = new HashMap<>();

	/** The room whose topics carry a sandbox, for the sandboxes rooms show. */
	private final Map<String, RoomCode> showing = new HashMap<>();

	private final Map<RoomCode, String> ended = new LinkedHashMap<>() {

		@Override
		protected boolean removeEldestEntry(Map.Entry<RoomCode, String> eldest) {
			return size() > REMEMBERED_ENDED;
		}

	};

	private final SandboxRegistry sandboxes;

	private final RoomProperties properties;

	private final RandomGenerator random;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	private final ThisInstance instance;

	@Autowired
	RoomRegistry(SandboxRegistry sandboxes, RoomProperties properties, Clock clock, ApplicationEventPublisher events,
			ThisInstance instance) {
		this(sandboxes, properties, new SecureRandom(), clock, events, instance);
	}

	/** With a given source of codes, for tests. */
	RoomRegistry(SandboxRegistry sandboxes, RoomProperties properties, RandomGenerator random, Clock clock,
			ApplicationEventPublisher events) {
		this(sandboxes, properties, random, clock, events, ThisInstance.single());
	}

	private RoomRegistry(SandboxRegistry sandboxes, RoomProperties properties, RandomGenerator random, Clock clock,
			ApplicationEventPublisher events, ThisInstance instance) {
		this.instance = instance;
		this.sandboxes = sandboxes;
		this.properties = properties;
		this.random = random;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * The sandbox's room: a new one, or the one already open on it.
	 * @throws RoomRequestException 404 when there is no such sandbox, 503 when
	 * {@code max} rooms are open
	 */
	public synchronized Opened open(String sandboxId) {
		Sandbox sandbox = this.sandboxes.find(sandboxId).orElseThrow(() -> RoomRequestException.noSandbox(sandboxId));
		this.sandboxes.keepAlive(sandbox);
		Room existing = this.bySandbox.get(sandboxId);
		if (existing != null) {
			return new Opened(existing, false);
		}
		if (this.rooms.size() >= this.properties.max()) {
			throw RoomRequestException.full(this.properties.max());
		}
		RoomCode code;
		do {
			code = RoomCode.random(this.random, this.instance);
		}
		while (this.rooms.containsKey(code) || this.ended.containsKey(code));
		Room room = new Room(code, sandboxId, TeacherSecret.random(this.random), this.clock.instant());
		this.rooms.put(code, room);
		this.bySandbox.put(sandboxId, room);
		return new Opened(room, true);
	}

	/** The codes of every open room, canonical. */
	public synchronized Set<String> openCodes() {
		Set<String> codes = new HashSet<>();
		this.rooms.keySet().forEach((code) -> codes.add(code.value()));
		return codes;
	}

	/**
	 * The full state of what the room's stream carries (the teacher's sandbox, or the
	 * student's it shows), named by the room's code instead of the sandbox id; watching
	 * keeps it alive.
	 * @throws RoomRequestException 410 when the room or its sandbox has ended, 404 when
	 * there never was one
	 */
	public SandboxSnapshot snapshot(RoomCode code) {
		Room room = get(code);
		Sandbox sandbox = streamed(room.code()).flatMap(this.sandboxes::find)
			.orElseThrow(() -> RoomRequestException.ended(code, "its sandbox ended"));
		this.sandboxes.keepAlive(sandbox);
		return sandbox.snapshot().withId(code.value());
	}

	/** The open room with that code, if any. */
	public synchronized Optional<Room> find(RoomCode code) {
		return Optional.ofNullable(this.rooms.get(code));
	}

	/**
	 * The open room with that code.
	 * @throws RoomRequestException 410 when it has ended, 404 when there never was one
	 * (or it ended long ago)
	 */
	public synchronized Room get(RoomCode code) {
		Room room = this.rooms.get(code);
		if (room != null) {
			return room;
		}
		String why = this.ended.get(code);
		if (why != null) {
			throw RoomRequestException.ended(code, why);
		}
		throw this.instance.otherOwnerOfRoom(code.value())
			.map((owner) -> RoomRequestException.ended(code,
					"it was open on server " + owner + ", which is not answering (it stopped or restarted)"))
			.orElseGet(() -> RoomRequestException.unknown(code));
	}

	/** The room that follows this sandbox, if one is open. */
	public synchronized Optional<Room> ofSandbox(String sandboxId) {
		return Optional.ofNullable(this.bySandbox.get(sandboxId));
	}

	/**
	 * The room whose stream carries this sandbox: the room that follows it (unless it
	 * shows a student's sandbox now), or the room that shows it.
	 */
	public synchronized Optional<RoomCode> streaming(String sandboxId) {
		RoomCode shower = this.showing.get(sandboxId);
		if (shower != null) {
			return Optional.of(shower);
		}
		Room room = this.bySandbox.get(sandboxId);
		return (room != null && !this.shown.containsKey(room.code())) ? Optional.of(room.code()) : Optional.empty();
	}

	/**
	 * The sandbox a room's stream carries now: the teacher's, or a student's it shows.
	 */
	public synchronized Optional<String> streamed(RoomCode code) {
		Room room = this.rooms.get(code);
		if (room == null) {
			return Optional.empty();
		}
		return Optional.of(this.shown.getOrDefault(code, room.sandbox()));
	}

	/**
	 * Makes the room's stream carry another sandbox (a student's), or the teacher's again
	 * with {@code null}. The room's watchers see a new generation and take its snapshot.
	 */
	public synchronized void show(RoomCode code, @Nullable String sandboxId) {
		Room room = get(code);
		String previous = this.shown.remove(room.code());
		if (previous != null) {
			this.showing.remove(previous);
		}
		if (sandboxId != null && !sandboxId.equals(room.sandbox())) {
			this.shown.put(room.code(), sandboxId);
			this.showing.put(sandboxId, room.code());
		}
	}

	public synchronized int size() {
		return this.rooms.size();
	}

	/**
	 * Ends a room at the teacher's request: {@code sandboxId} must be the sandbox it
	 * follows.
	 * @throws RoomRequestException 404 or 410 as {@link #get}, 403 when the sandbox is
	 * another one
	 */
	public void close(RoomCode code, String sandboxId) {
		close(code, (room) -> room.sandbox().equals(sandboxId));
	}

	/**
	 * Ends a room at the teacher's request, proved by the teacher's secret.
	 * @throws RoomRequestException 404 or 410 as {@link #get}, 403 for another secret
	 */
	public void closeAsTeacher(RoomCode code, @Nullable String secret) {
		close(code, (room) -> room.teacher().matches(secret));
	}

	private void close(RoomCode code, Predicate<Room> teacher) {
		RoomEnded ending;
		synchronized (this) {
			Room room = get(code);
			if (!teacher.test(room)) {
				throw RoomRequestException.notTheTeacher(code);
			}
			ending = end(room, "the teacher closed it");
		}
		this.events.publishEvent(ending);
	}

	@EventListener
	void sandboxEnded(SandboxEnded ended) {
		RoomEnded ending;
		synchronized (this) {
			RoomCode shower = this.showing.remove(ended.id());
			if (shower != null) {
				this.shown.remove(shower);
			}
			Room room = this.bySandbox.get(ended.id());
			if (room == null) {
				return;
			}
			ending = end(room, "the teacher's sandbox ended");
		}
		this.events.publishEvent(ending);
	}

	private RoomEnded end(Room room, String why) {
		this.rooms.remove(room.code());
		this.bySandbox.remove(room.sandbox());
		String shownSandbox = this.shown.remove(room.code());
		if (shownSandbox != null) {
			this.showing.remove(shownSandbox);
		}
		this.ended.put(room.code(), why);
		return new RoomEnded(room.code(), "This room has ended: " + why + ".");
	}

	/**
	 * What {@link #open} did.
	 *
	 * @param room the sandbox's room
	 * @param created whether it was opened now, rather than already open
	 */
	public record Opened(Room room, boolean created) {

	}

}
