package io.trafficlab.manifest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites Jackson's data-binding messages for people who write YAML, not Java:
 * {@code `java.lang.Integer`} becomes {@code integer}, fabric8 classes become
 * {@code object}.
 */
final class JacksonMessages {

	private static final Pattern JAVA_TYPE = Pattern.compile("`([A-Za-z0-9_.$<>, \\[\\]]+)`");

	private static final Pattern TOKEN = Pattern.compile(" \\(token `JsonToken\\.[A-Z_]+`\\)");

	private JacksonMessages() {
	}

	static String friendly(String message) {
		String firstLine = message.lines().findFirst().orElse(message);
		String withoutTokens = TOKEN.matcher(firstLine).replaceAll("");
		Matcher matcher = JAVA_TYPE.matcher(withoutTokens);
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(result, Matcher.quoteReplacement(simpleName(matcher.group(1))));
		}
		matcher.appendTail(result);
		return result.toString();
	}

	private static String simpleName(String javaType) {
		String raw = javaType.contains("<") ? javaType.substring(0, javaType.indexOf('<')) : javaType;
		return switch (raw) {
			case "int", "long", "java.lang.Integer", "java.lang.Long", "java.math.BigInteger" -> "integer";
			case "java.lang.String" -> "string";
			case "boolean", "java.lang.Boolean" -> "boolean";
			case "java.util.List", "java.util.ArrayList" -> "list";
			case "java.util.Map", "java.util.LinkedHashMap" -> "map";
			default -> "object";
		};
	}

}
