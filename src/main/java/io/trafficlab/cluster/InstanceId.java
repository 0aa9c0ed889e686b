package io.trafficlab.cluster;

import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * One instance's name among several: a single symbol of the room codes' alphabet (digits
 * 2–9 and the letters without I and O), so that a room code can begin with it and stay
 * six characters people can type. Every sandbox id ({@code B-…}) and room code
 * ({@code B…}) an instance creates begins with its symbol: the first character of a key
 * names its owner.
 *
 * @param symbol the upper-case symbol
 */
public record InstanceId(char symbol) {

	/** The room codes' alphabet: no 0 or O, no 1 or I. */
	public static final String SYMBOLS = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

	/**
	 * The symbols by a StatefulSet pod's index: letters first, so that pods 0, 1, 2 are
	 * A, B, C.
	 */
	static final String BY_INDEX = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	/** The most instances that can be told apart. */
	public static final int MAX_INSTANCES = SYMBOLS.length();

	/** Between the owner's symbol and the random part of a sandbox id. */
	static final char SANDBOX_SEPARATOR = '-';

	public InstanceId {
		if (SYMBOLS.indexOf(symbol) < 0) {
			throw new IllegalArgumentException("Not an instance symbol: " + symbol);
		}
	}

	/**
	 * An instance's name as configured, in any case.
	 * @throws IllegalArgumentException naming what is wrong with it
	 */
	public static InstanceId parse(String text) {
		String symbol = text.strip().toUpperCase(Locale.ROOT);
		if (symbol.length() != 1 || SYMBOLS.indexOf(symbol.charAt(0)) < 0) {
			throw new IllegalArgumentException("trafficlab.instance.id must be one of the symbols " + SYMBOLS
					+ " (digits 2-9 and letters but I and O, any case), not \"" + text + "\"");
		}
		return new InstanceId(symbol.charAt(0));
	}

	/**
	 * The name of a StatefulSet's pod by its index: 0 is A, 1 is B, and so on.
	 * @throws IllegalArgumentException when the index is out of range
	 */
	public static InstanceId ofIndex(int index) {
		if (index < 0 || index >= MAX_INSTANCES) {
			throw new IllegalArgumentException(
					"trafficlab.instance.index must be between 0 and " + (MAX_INSTANCES - 1) + ", not " + index);
		}
		return new InstanceId(BY_INDEX.charAt(index));
	}

	/** The owner a sandbox id names, if it names one ({@code B-…}). */
	public static Optional<InstanceId> ownerOfSandbox(String id) {
		if (id.length() < 3 || id.charAt(1) != SANDBOX_SEPARATOR) {
			return Optional.empty();
		}
		return ofSymbol(id.charAt(0));
	}

	/** The owner a canonical room code names: its first symbol. */
	public static InstanceId ownerOfRoom(String canonicalCode) {
		return new InstanceId(canonicalCode.charAt(0));
	}

	private static Optional<InstanceId> ofSymbol(char symbol) {
		char upper = Character.toUpperCase(symbol);
		return (SYMBOLS.indexOf(upper) >= 0) ? Optional.of(new InstanceId(upper)) : Optional.empty();
	}

	/** A new sandbox id of this instance's: its symbol, a dash, the random part. */
	public String sandboxId(String random) {
		return this.symbol + String.valueOf(SANDBOX_SEPARATOR) + random;
	}

	/** Whether a key names this instance: {@code null} keys name nobody. */
	boolean is(@Nullable InstanceId other) {
		return equals(other);
	}

	@Override
	public String toString() {
		return String.valueOf(this.symbol);
	}

}
