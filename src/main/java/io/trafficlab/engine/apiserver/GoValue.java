package io.trafficlab.engine.apiserver;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Prints values the way the API server's (Go) error messages print them: strings quoted
 * with escapes, numbers plain, string slices as {@code []string{"a", "b"}}.
 */
final class GoValue {

	/** Longer than the longest valid name (253). */
	static final int SHORTENED_TO = 256;

	private GoValue() {
	}

	/** A Go-quoted string, {@code "like this"}. */
	static String quote(String value) {
		StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> quoted.append("\\\"");
				case '\\' -> quoted.append("\\\\");
				case '\n' -> quoted.append("\\n");
				case '\r' -> quoted.append("\\r");
				case '\t' -> quoted.append("\\t");
				default -> {
					if (c < 0x20 || c == 0x7f) {
						quoted.append(String.format("\\x%02x", (int) c));
					}
					else {
						quoted.append(c);
					}
				}
			}
		}
		return quoted.append('"').toString();
	}

	/**
	 * A Go-quoted string, shortened when longer than any name the API server accepts: the
	 * first {@value #SHORTENED_TO} characters, then how many were left out. The API
	 * server prints the whole value; the sandbox shortens it so that a megabyte name
	 * cannot make a megabyte error.
	 */
	static String quoteBounded(String value) {
		if (value.length() <= SHORTENED_TO) {
			return quote(value);
		}
		return quote(value.substring(0, SHORTENED_TO)) + "... (" + (value.length() - SHORTENED_TO)
				+ " more characters)";
	}

	/** A Go string slice as {@code %#v} prints it. */
	static String stringSlice(List<String> values) {
		return values.stream().map(GoValue::quote).collect(Collectors.joining(", ", "[]string{", "}"));
	}

	/**
	 * A Go string map as {@code %#v} prints it (keys sorted):
	 * {@code map[string]string{"app":"web"}}.
	 */
	static String stringMap(Map<String, String> values) {
		return new TreeMap<>(values).entrySet()
			.stream()
			.map((entry) -> quote(entry.getKey()) + ":" + quote(entry.getValue()))
			.collect(Collectors.joining(", ", "map[string]string{", "}"));
	}

	/**
	 * The internal ServicePort struct as {@code %#v} prints it for a duplicate (protocol,
	 * port) key.
	 */
	static String servicePortKey(String protocol, int port) {
		return "core.ServicePort{Name:\"\", Protocol:" + quote(protocol) + ", AppProtocol:(*string)(nil), Port:" + port
				+ ", TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}, NodePort:0}";
	}

}
