package io.trafficlab.teaching;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import io.trafficlab.engine.balancer.Dataplane;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.balancer.LoadBalancerModel;
import io.trafficlab.engine.cluster.ClusterDeclaration;
import io.trafficlab.engine.goal.Goal;
import io.trafficlab.engine.model.Spelled;
import io.trafficlab.engine.model.TrafficPolicy;
import io.trafficlab.engine.net.NetworkModel;
import io.trafficlab.engine.simulation.SimulatedBalancers;
import io.trafficlab.engine.simulation.SimulationLimits;
import io.trafficlab.export.ManifestExporter;
import io.trafficlab.manifest.ManifestImporter;
import io.trafficlab.manifest.ManifestSyntaxException;
import io.trafficlab.sandbox.Sandbox;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads one challenge file (docs/lessons.md, "Challenge files"). Every mistake is an
 * {@link IllegalArgumentException} naming the place in the file and what was expected;
 * whether the start runs and the goal fits it is {@link ChallengeCheck}'s business.
 */
final class ChallengeReader {

	private static final YAMLMapper YAML = YAMLMapper.builder().build();

	private static final Set<String> KEYS = Set.of("title", "brief", "order", "start", "goal", "hints", "solution",
			"sources");

	private static final Set<String> START_KEYS = Set.of("preset", "manifests", "policy", "lb", "loadBalancer",
			"dataplane", "network", "clientRate", "speed", "seed");

	static final int MIN_HINTS = 2;

	static final int MAX_HINTS = 5;

	private final Function<String, Optional<String>> presets;

	private final ManifestImporter importer = new ManifestImporter();

	/**
	 * @param presets the manifests of a preset by name, if there is one
	 */
	ChallengeReader(Function<String, Optional<String>> presets) {
		this.presets = presets;
	}

	Challenge read(String id, String text) {
		JsonNode root;
		try {
			root = YAML.readTree(text);
		}
		catch (JacksonException ex) {
			TokenStreamLocation at = ex.getLocation();
			String where = (at != null && at.getLineNr() > 0)
					? "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": " : "";
			String what = ex.getOriginalMessage().lines().findFirst().orElse("");
			throw new IllegalArgumentException(where + "not YAML: " + what);
		}
		if (root == null || !root.isObject()) {
			throw new IllegalArgumentException("the file must be a YAML map with " + new TreeSet<>(KEYS));
		}
		onlyKeys(root, KEYS, "the file");
		List<String> hints = texts(required(root, "hints", "hints"), "hints");
		if (hints.size() < MIN_HINTS || hints.size() > MAX_HINTS) {
			throw new IllegalArgumentException(
					"hints: give " + MIN_HINTS + " to " + MAX_HINTS + " hints, got " + hints.size());
		}
		Goal goal = ConditionReader.goal(required(root, "goal", "goal"), "goal");
		return new Challenge(id, text(root, "title"), text(root, "brief"), order(root.get("order")),
				start(required(root, "start", "start")), goal, hints, text(root, "solution"),
				SourcesReader.read(root.path("sources"), "the challenge"));
	}

	private ChallengeStart start(JsonNode start) {
		if (!start.isObject()) {
			throw new IllegalArgumentException("start must be a map with preset or manifests");
		}
		onlyKeys(start, START_KEYS, "start");
		JsonNode preset = start.get("preset");
		JsonNode inline = start.get("manifests");
		if ((preset == null) == (inline == null)) {
			throw new IllegalArgumentException(
					"start needs exactly one of \"preset\" (a file in presets/) or " + "\"manifests\" (inline YAML)");
		}
		String presetName = (preset != null) ? text(start, "preset", "start.preset") : null;
		String manifests = (presetName != null)
				? this.presets.apply(presetName)
					.orElseThrow(() -> new IllegalArgumentException(
							"start.preset: there is no preset \"" + presetName + "\" in presets/"))
				: text(start, "manifests", "start.manifests");
		ClusterDeclaration declaration = declaration(manifests,
				(presetName != null) ? "start.preset" : "start.manifests");
		TrafficPolicy policy = spelled(TrafficPolicy.class, start.get("policy"), "start.policy");
		if (policy != null) {
			declaration = declaration.withExternalTrafficPolicy(policy);
			manifests = ManifestExporter.yaml(declaration);
		}
		LoadBalancerKind kind = spelled(LoadBalancerKind.class, start.get("loadBalancer"), "start.loadBalancer");
		if (kind != null) {
			try {
				SimulatedBalancers.check(kind);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("start.loadBalancer: " + ex.getMessage(), ex);
			}
		}
		return new ChallengeStart(presetName, manifests, declaration,
				spelled(LoadBalancerModel.class, start.get("lb"), "start.lb"), kind,
				spelled(Dataplane.class, start.get("dataplane"), "start.dataplane"),
				spelled(NetworkModel.class, start.get("network"), "start.network"),
				number(start.get("clientRate"), "start.clientRate", 0, SimulationLimits.MAX_CONNECTIONS_PER_SECOND),
				number(start.get("speed"), "start.speed", Sandbox.MIN_SPEED, Sandbox.MAX_SPEED),
				seed(start.get("seed")));
	}

	private ClusterDeclaration declaration(String manifests, String where) {
		try {
			return this.importer.readDeclaration(new ByteArrayInputStream(manifests.getBytes(StandardCharsets.UTF_8)))
				.declaration();
		}
		catch (ManifestSyntaxException ex) {
			throw new IllegalArgumentException(where + ", line " + ex.line() + " of the manifests: " + ex.getMessage(),
					ex);
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException(where + ": the manifests do not read: " + ex.getMessage(), ex);
		}
	}

	private static <E extends Enum<E> & Spelled> @Nullable E spelled(Class<E> type, @Nullable JsonNode value,
			String where) {
		if (value == null) {
			return null;
		}
		try {
			return SpelledValueReader.read(type, value);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(where + ": " + ex.getMessage(), ex);
		}
	}

	private static @Nullable Double number(@Nullable JsonNode value, String where, double min, double max) {
		if (value == null) {
			return null;
		}
		if (!value.isNumber() || !(value.doubleValue() >= min && value.doubleValue() <= max)) {
			throw new IllegalArgumentException(
					where + ": expected a number from " + decimal(min) + " to " + decimal(max) + ", got " + value);
		}
		return value.doubleValue();
	}

	private static String decimal(double value) {
		return (value == Math.rint(value)) ? Long.toString((long) value) : Double.toString(value);
	}

	private static @Nullable Long seed(@Nullable JsonNode value) {
		if (value == null) {
			return null;
		}
		if (!value.isIntegralNumber() || !value.canConvertToLong()) {
			throw new IllegalArgumentException("start.seed: expected a whole number, got " + value);
		}
		return value.longValue();
	}

	private static int order(@Nullable JsonNode value) {
		if (value == null) {
			return Integer.MAX_VALUE;
		}
		if (!value.isInt()) {
			throw new IllegalArgumentException("order: expected a whole number, got " + value);
		}
		return value.intValue();
	}

	private static List<String> texts(JsonNode value, String where) {
		if (!value.isArray()) {
			throw new IllegalArgumentException(where + ": expected a list of texts, got " + value);
		}
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < value.size(); i++) {
			JsonNode item = value.get(i);
			if (!item.isString() || item.stringValue().isBlank()) {
				throw new IllegalArgumentException(where + ", item " + (i + 1) + ": expected a text, got " + item);
			}
			texts.add(item.stringValue().strip());
		}
		return texts;
	}

	private static String text(JsonNode map, String key) {
		return text(map, key, key);
	}

	private static String text(JsonNode map, String key, String where) {
		JsonNode value = required(map, key, where);
		if (!value.isString() || value.stringValue().isBlank()) {
			throw new IllegalArgumentException(where + ": expected a text, got " + value);
		}
		return value.stringValue().strip();
	}

	/**
	 * The value at {@code map.key}; {@code path} is where it is in the file
	 * ({@code "start.preset"}).
	 */
	private static JsonNode required(JsonNode map, String key, String path) {
		JsonNode value = map.get(key);
		if (value == null || value.isNull()) {
			throw new IllegalArgumentException(path + " is missing");
		}
		return value;
	}

	private static void onlyKeys(JsonNode map, Set<String> allowed, String where) {
		for (String key : map.propertyNames()) {
			if (!allowed.contains(key)) {
				throw new IllegalArgumentException(
						where + ": unknown key \"" + key + "\", expected one of " + new TreeSet<>(allowed));
			}
		}
	}

}
