package io.trafficlab.teaching;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * Reads a {@code sources} list, shared by lesson steps and challenges: each entry a map
 * with exactly {@code claim}, {@code source}, {@code url} and {@code version}, every one
 * a text. A missing list is an empty one; a mistake names the place and the entry.
 */
final class SourcesReader {

	static final List<String> KEYS = List.of("claim", "source", "url", "version");

	private SourcesReader() {
	}

	/**
	 * @param node the value of {@code sources}, or a missing node
	 * @param where the place, as the error names it ({@code "step 2"})
	 */
	static List<ClaimSource> read(JsonNode node, String where) {
		if (node.isMissingNode() || node.isNull()) {
			return List.of();
		}
		if (!node.isArray()) {
			throw new IllegalArgumentException(where + "'s \"sources\" must be a list of maps with " + KEYS);
		}
		List<ClaimSource> sources = new ArrayList<>();
		for (int i = 0; i < node.size(); i++) {
			sources.add(source(node.get(i), where + ", source " + (i + 1)));
		}
		return sources;
	}

	private static ClaimSource source(JsonNode node, String where) {
		if (!node.isObject()) {
			throw new IllegalArgumentException(where + " must be a map with " + KEYS);
		}
		for (String name : node.propertyNames()) {
			if (!KEYS.contains(name)) {
				throw new IllegalArgumentException(where + ": unknown field \"" + name + "\", expected one of " + KEYS);
			}
		}
		String url = text(node, "url", where);
		if (!isWebAddress(url)) {
			throw new IllegalArgumentException(where + " (url): expected an http(s) address, got \"" + url + "\"");
		}
		return new ClaimSource(text(node, "claim", where), text(node, "source", where), url,
				text(node, "version", where));
	}

	private static boolean isWebAddress(String url) {
		try {
			URI uri = new URI(url);
			return (url.startsWith("https://") || url.startsWith("http://")) && uri.getHost() != null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private static String text(JsonNode node, String field, String where) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			throw new IllegalArgumentException(where + " needs \"" + field + "\" (a source has " + KEYS + ")");
		}
		if (!value.isString() || value.stringValue().isBlank()) {
			throw new IllegalArgumentException(where + " (" + field + "): expected text, got " + value);
		}
		return value.stringValue().strip();
	}

}
