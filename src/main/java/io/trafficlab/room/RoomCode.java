package io.trafficlab.room;

import io.trafficlab.cluster.InstanceId;
import io.trafficlab.cluster.ThisInstance;

import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * A room's short code: six characters from an alphabet without look-alikes (no 0 or O, no
 * 1 or I), so 32 symbols and 30 random bits. People read it grouped ({@code K7F-2QX}) and
 * may type it in any case, with or without the dash; STOMP destinations carry the
 * canonical form ({@code K7F2QX}), since the broker matches destinations exactly.
 *
 * @param value the canonical form: six upper-case symbols of the alphabet
 */
public record RoomCode(String value) {

	/** Digits 2–9 and the letters without I and O. */
	static final String ALPHABET = InstanceId.SYMBOLS;

	static final int LENGTH = 6;

	/** The canonical form, as a regular expression. */
	public static final String CANONICAL = "[2-9A-HJ-NP-Z]{6}";

	private static final Pattern CANONICAL_PATTERN = Pattern.compile(CANONICAL);

	private static final Pattern SEPARATORS = Pattern.compile("[\\s-]+");

	private static final Pattern LOOK_ALIKES = Pattern.compile("[0O1I]");

	/** Longer input is cut short in error messages. */
	private static final int ECHO_CHARS = 24;

	public RoomCode {
		if (!CANONICAL_PATTERN.matcher(value).matches()) {
			throw new IllegalArgumentException("Not a canonical room code: " + value);
		}
	}

	static RoomCode random(RandomGenerator random) {
		return random(random, ThisInstance.single());
	}

	/**
	 * A new code; an instance of several puts its name first, so that a load balancer
	 * sends the room's requests to it.
	 */
	static RoomCode random(RandomGenerator random, ThisInstance instance) {
		StringBuilder code = new StringBuilder(LENGTH);
		instance.id().ifPresent((id) -> code.append(id.symbol()));
		while (code.length() < LENGTH) {
			code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return new RoomCode(code.toString());
	}

	/**
	 * Reads a code as a person typed it: any case, spaces and dashes anywhere.
	 * @throws RoomRequestException (400) naming what is wrong with it
	 */
	public static RoomCode parse(String text) {
		String compact = SEPARATORS.matcher(text).replaceAll("").toUpperCase(Locale.ROOT);
		if (compact.isEmpty()) {
			throw RoomRequestException.badCode("Enter the room code your teacher shows, like K7F-2QX.");
		}
		if (CANONICAL_PATTERN.matcher(compact).matches()) {
			return new RoomCode(compact);
		}
		String echo = echo(text.strip());
		if (compact.length() != LENGTH) {
			throw RoomRequestException.badCode("A room code has " + LENGTH + " letters and digits, like K7F-2QX (got \""
					+ echo + "\", which has " + compact.length() + ").");
		}
		if (LOOK_ALIKES.matcher(compact).find()) {
			throw RoomRequestException.badCode("Room codes never contain 0, O, 1 or I: check the code your teacher "
					+ "shows (got \"" + echo + "\").");
		}
		throw RoomRequestException
			.badCode("A room code has only letters and digits, like K7F-2QX (got \"" + echo + "\").");
	}

	/** As people read it: {@code K7F-2QX}. */
	public String display() {
		return this.value.substring(0, LENGTH / 2) + "-" + this.value.substring(LENGTH / 2);
	}

	@Override
	public String toString() {
		return display();
	}

	private static String echo(String text) {
		return (text.length() <= ECHO_CHARS) ? text : text.substring(0, ECHO_CHARS) + "…";
	}

}
