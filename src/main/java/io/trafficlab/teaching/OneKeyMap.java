package io.trafficlab.teaching;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

/**
 * A YAML map with one key that says what it is (a goal's condition, a reveal's command),
 * its value read by that kind's reader; a wrong shape or an unknown kind is an error that
 * names the place and the kinds allowed.
 */
final class OneKeyMap {

	private OneKeyMap() {
	}

	/**
	 * @param noun what the map is, for the error message ({@code condition},
	 * {@code command})
	 * @param readers a reader per kind
	 */
	static <T> T read(JsonNode node, String where, String noun, Map<String, Function<JsonNode, T>> readers) {
		List<String> kinds = readers.keySet().stream().sorted().toList();
		if (!node.isObject() || node.size() != 1) {
			throw new IllegalArgumentException(where + " must be a map with one key, one of " + kinds);
		}
		String kind = node.propertyNames().iterator().next();
		Function<JsonNode, T> reader = readers.get(kind);
		if (reader == null) {
			throw new IllegalArgumentException(
					where + ": unknown " + noun + " \"" + kind + "\", expected one of " + kinds);
		}
		try {
			return reader.apply(node.get(kind));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(where + " (" + kind + "): " + ex.getMessage(), ex);
		}
	}

	/** A kind's value that is a count: 0 or more. */
	static int count(JsonNode value) {
		if (!value.isInt() || value.intValue() < 0) {
			throw new IllegalArgumentException("expected a count (0 or more), got " + value);
		}
		return value.intValue();
	}

	/** Field {@code name} of a kind's value, which must be a map that has it. */
	static JsonNode field(JsonNode value, String name) {
		JsonNode field = value.isObject() ? value.get(name) : null;
		if (field == null) {
			throw new IllegalArgumentException("expected a map with \"" + name + "\"");
		}
		return field;
	}

}
