package io.trafficlab.manifest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLParser;
import tools.jackson.dataformat.yaml.YAMLReadFeature;

/**
 * Parses a manifest body into documents: a multi-document YAML stream, or JSON (one or
 * more values) when the body starts with <code>{</code> or <code>[</code>. Duplicate keys
 * are errors, as they are for kubectl. Every syntax error becomes a
 * {@link ManifestSyntaxException} naming the 1-based line and column. Can also find where
 * a value sits in the text, to point at a bad field.
 */
final class ManifestParser {

	/**
	 * How many characters snakeyaml-engine reads at a time. Its reader copies the unread
	 * part of its window on every refill, so one token of length L costs L²/buffer: with
	 * the default 1,024, one 8 MiB line took 17 s; with 64 Ki a 3 Mi line (the most
	 * snakeyaml reads) costs about 0.1 s, and the buffer 128 KB.
	 */
	static final int YAML_BUFFER_CHARS = 1 << 16;

	/**
	 * The longest line a YAML body may have: longer ones are refused before parsing (a
	 * Kubernetes annotation, the longest value in practice, holds at most 256 KiB).
	 */
	static final int MAX_YAML_LINE_CHARS = 1 << 20;

	private static final ObjectMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
		// The default a plain YAMLFactory has, which its builder leaves out
		.enable(YAMLReadFeature.EMPTY_STRING_AS_NULL)
		.loadSettings(LoadSettings.builder().setBufferSize(YAML_BUFFER_CHARS).build())
		.build()).enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

	private static final ObjectMapper JSON = JsonMapper.builder()
		.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
		.build();

	private final String text;

	private final ObjectMapper mapper;

	ManifestParser(String text) {
		this.text = text.startsWith("\uFEFF") ? text.substring(1) : text;
		this.mapper = looksLikeJson(this.text) ? JSON : YAML;
	}

	/** The documents, empty ones included as JSON nulls. */
	List<SourceDocument> documents() {
		if (this.mapper == YAML) {
			rejectLongLines();
		}
		if (this.mapper == YAML && this.text.indexOf('*') >= 0) {
			rejectAliases();
		}
		ObjectReader reader = this.mapper.readerFor(JsonNode.class)
			.without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
		List<SourceDocument> documents = new ArrayList<>();
		try (JsonParser parser = this.mapper.createParser(this.text)) {
			while (parser.nextToken() != null) {
				TokenStreamLocation start = parser.currentTokenLocation();
				JsonNode root = reader.readValue(parser);
				int line = Math.max(start.getLineNr(), 1);
				documents.add(new SourceDocument(root, line, Math.max(start.getColumnNr(), 1)));
			}
		}
		catch (JacksonException ex) {
			throw syntaxError(ex);
		}
		return documents;
	}

	private void rejectLongLines() {
		int line = 1;
		int start = 0;
		int length = this.text.length();
		while (start <= length) {
			int end = this.text.indexOf('\n', start);
			if (end < 0) {
				end = length;
			}
			if (end - start > MAX_YAML_LINE_CHARS) {
				throw new ManifestSyntaxException(String.format(Locale.ROOT,
						"line %d, column 1: the line is %,d characters long; a YAML line may have at most %,d "
								+ "(send long values as JSON, or split them)",
						line, end - start, MAX_YAML_LINE_CHARS), line, 1);
			}
			line++;
			start = end + 1;
		}
	}

	/**
	 * YAML aliases ({@code *name}) would be read as plain text, silently wrong, so they
	 * are rejected: they are rare in Kubernetes manifests.
	 */
	private void rejectAliases() {
		try (JsonParser parser = YAML.createParser(this.text)) {
			while (parser.nextToken() != null) {
				if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
					TokenStreamLocation location = parser.currentTokenLocation();
					int line = Math.max(location.getLineNr(), 1);
					int column = Math.max(location.getColumnNr(), 1);
					throw new ManifestSyntaxException("line " + line + ", column " + column + ": YAML aliases (*"
							+ parser.getString() + ") are not supported; write the value out instead", line, column);
				}
			}
		}
		catch (JacksonException ex) {
			throw syntaxError(ex);
		}
	}

	/**
	 * Where the value at the path (property names and array indexes) of a document
	 * starts, or {@code null} when the path is not in the text.
	 */
	int @Nullable [] locate(int document, List<Object> path) {
		try (JsonParser parser = this.mapper.createParser(this.text)) {
			int index = -1;
			while (parser.nextToken() != null) {
				index++;
				if (index == document) {
					return find(parser, new ArrayList<>(), path);
				}
				parser.skipChildren();
			}
		}
		catch (JacksonException ex) {
			return null;
		}
		return null;
	}

	private static int @Nullable [] find(JsonParser parser, List<Object> current, List<Object> target) {
		if (current.equals(target)) {
			TokenStreamLocation location = parser.currentTokenLocation();
			return new int[] { location.getLineNr(), location.getColumnNr() };
		}
		if (current.size() >= target.size() || !current.equals(target.subList(0, current.size()))) {
			parser.skipChildren();
			return null;
		}
		if (parser.currentToken() == JsonToken.START_OBJECT) {
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				parser.nextToken();
				int[] found = find(parser, append(current, name), target);
				if (found != null) {
					return found;
				}
			}
		}
		else if (parser.currentToken() == JsonToken.START_ARRAY) {
			int i = 0;
			while (parser.nextToken() != JsonToken.END_ARRAY) {
				int[] found = find(parser, append(current, i++), target);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	private static List<Object> append(List<Object> path, Object step) {
		List<Object> longer = new ArrayList<>(path);
		longer.add(step);
		return longer;
	}

	private static boolean looksLikeJson(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (!Character.isWhitespace(c)) {
				return c == '{' || c == '[';
			}
		}
		return false;
	}

	private static ManifestSyntaxException syntaxError(JacksonException ex) {
		if (ex.getCause() instanceof MarkedYamlEngineException yaml) {
			return yamlError(yaml);
		}
		TokenStreamLocation location = ex.getLocation();
		int line = (location != null) ? Math.max(location.getLineNr(), 1) : 1;
		int column = (location != null) ? Math.max(location.getColumnNr(), 1) : 1;
		return new ManifestSyntaxException("line " + line + ", column " + column + ": " + describe(ex), line, column);
	}

	private static ManifestSyntaxException yamlError(MarkedYamlEngineException ex) {
		String problem = (ex.getProblem() != null) ? ex.getProblem() : "not valid YAML";
		Optional<Mark> problemMark = ex.getProblemMark();
		Optional<Mark> contextMark = ex.getContextMark();
		String context = ex.getContext();
		boolean unfinished = problem.contains("end of stream") && contextMark.isPresent();
		Mark lead = (unfinished || problemMark.isEmpty()) ? contextMark.orElse(null) : problemMark.get();
		int line = (lead != null) ? lead.getLine() + 1 : 1;
		int column = (lead != null) ? lead.getColumn() + 1 : 1;
		String message = problem;
		if (context != null && contextMark.isPresent()) {
			Mark mark = contextMark.get();
			message = (mark == lead) ? context + ": " + problem : problem + " (" + context + " that starts at line "
					+ (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ")";
		}
		return new ManifestSyntaxException("line " + line + ", column " + column + ": " + message, line, column);
	}

	private static String describe(JacksonException ex) {
		String message = ex.getOriginalMessage();
		int marker = message.indexOf(" (start marker at");
		if (marker > 0) {
			message = message.substring(0, marker);
		}
		if (message.startsWith("Duplicate Object property ")) {
			return "duplicate key " + message.substring("Duplicate Object property ".length())
					+ ": a key may appear only once in a mapping";
		}
		return message;
	}

}
