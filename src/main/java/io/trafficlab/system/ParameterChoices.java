package io.trafficlab.system;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * How every feature words a query parameter outside its fixed choices, so the API, the
 * sandbox commands and the presets refuse alike: the parameter, the values allowed (the
 * first ten at most) and the value given.
 */
public final class ParameterChoices {

	private static final int MAX_LISTED = 10;

	private ParameterChoices() {
	}

	/**
	 * {@code Query parameter 'n' must be one of: one, two (got "three").}
	 */
	public static String notOneOf(String name, Collection<String> allowed, String given) {
		return "Query parameter '" + name + "' must be one of: " + listed(allowed) + " (got \"" + given + "\").";
	}

	/** {@code Query parameter 'n' is required; use one of: one, two.} */
	public static String required(String name, Collection<String> allowed) {
		return "Query parameter '" + name + "' is required; use one of: " + listed(allowed) + ".";
	}

	/**
	 * The values for a message: the first ten, and how many in all when there are more.
	 */
	public static String listed(Collection<String> values) {
		if (values.isEmpty()) {
			return "(none)";
		}
		String head = values.stream().limit(MAX_LISTED).collect(Collectors.joining(", "));
		return (values.size() > MAX_LISTED) ? head + ", … (" + values.size() + " in all)" : head;
	}

}
