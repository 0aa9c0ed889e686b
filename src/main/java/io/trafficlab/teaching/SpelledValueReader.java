package io.trafficlab.teaching;

import io.trafficlab.engine.model.Spelled;
import io.trafficlab.engine.model.UnknownValueException;
import tools.jackson.databind.JsonNode;

/**
 * Reads an engine value from a lesson or challenge file by its spelling
 * ({@code policy: Local}, {@code loadBalancer: weighted}).
 */
final class SpelledValueReader {

	private SpelledValueReader() {
	}

	/**
	 * @throws IllegalArgumentException naming the spellings allowed and the value given,
	 * e.g. {@code expected Cluster or Local, got "local"}
	 */
	static <E extends Enum<E> & Spelled> E read(Class<E> type, JsonNode value) {
		try {
			return Spelled.parse(type, type.getSimpleName(), value.isString() ? value.stringValue() : null);
		}
		catch (UnknownValueException ex) {
			throw new IllegalArgumentException("expected " + ex.alternatives() + ", got " + value, ex);
		}
	}

}
