package io.trafficlab.teaching;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.trafficlab.engine.balancer.ProbeProtocol;
import io.trafficlab.engine.balancer.ProbeTarget;
import io.trafficlab.engine.goal.Condition;
import io.trafficlab.engine.goal.Goal;
import io.trafficlab.engine.model.Fraction;
import io.trafficlab.engine.model.TrafficPolicy;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import static io.trafficlab.teaching.OneKeyMap.count;
import static io.trafficlab.teaching.OneKeyMap.field;

/**
 * Reads a goal written as a YAML list of one-key maps (docs/lessons.md, "Conditions"),
 * for example {@code [{policy: Local}, {maxShareRatio: 1.25}, {healthCheck: {node: n3,
 * passes: true}}]}. Every mistake is an {@link IllegalArgumentException} that names where
 * it is and what was expected.
 */
public final class ConditionReader {

	private static final Pattern FRACTION = Pattern.compile("\\s*(\\d{1,9})\\s*/\\s*(\\d{1,9})\\s*");

	private static final Map<String, Function<JsonNode, Condition>> KINDS = Map.ofEntries(
			Map.entry("policy", (value) -> new Condition.PolicyIs(SpelledValueReader.read(TrafficPolicy.class, value))),
			Map.entry("clientIpKept", (value) -> new Condition.ClientIpKept(bool(value))),
			Map.entry("maxShareRatio", (value) -> new Condition.MaxShareRatio(atLeastOne(fraction(value)))),
			Map.entry("equalShares", ConditionReader::equalShares),
			Map.entry("healthCheck",
					(value) -> new Condition.HealthCheckPasses(text(value, "node"), bool(field(value, "passes")))),
			Map.entry("readyPods", ConditionReader::readyPods),
			Map.entry("nodeReady",
					(value) -> new Condition.NodeReady(text(value, "node"), bool(field(value, "ready")))),
			Map.entry("podsOnNode",
					(value) -> new Condition.PodsOnNode(text(value, "node"), count(field(value, "count")))),
			Map.entry("podShareOnNode",
					(value) -> new Condition.PodShareOnNode(text(value, "node"), fraction(field(value, "share")))),
			Map.entry("nodeShare",
					(value) -> new Condition.NodeShare(text(value, "node"), fraction(field(value, "share")))),
			Map.entry("failedShare", (value) -> new Condition.FailedShare(fraction(value))),
			Map.entry("probe", ConditionReader::probe));

	private static final List<String> PROBE_FIELDS = List.of("target", "protocol", "intervalSeconds", "timeoutSeconds",
			"healthyThreshold", "unhealthyThreshold");

	private static Condition probe(JsonNode value) {
		if (value.isString() && value.stringValue().equals("none")) {
			return new Condition.ProbeIs(false, null, null, null, null, null, null);
		}
		if (!value.isObject() || value.isEmpty()) {
			throw new IllegalArgumentException(
					"expected none, or a map with some of " + PROBE_FIELDS + ", got " + value);
		}
		for (String name : value.propertyNames()) {
			if (!PROBE_FIELDS.contains(name)) {
				throw new IllegalArgumentException("unknown field \"" + name + "\", expected some of " + PROBE_FIELDS);
			}
		}
		return new Condition.ProbeIs(true,
				value.has("target") ? SpelledValueReader.read(ProbeTarget.class, value.get("target")) : null,
				value.has("protocol") ? SpelledValueReader.read(ProbeProtocol.class, value.get("protocol")) : null,
				optionalCount(value, "intervalSeconds"), optionalCount(value, "timeoutSeconds"),
				optionalCount(value, "healthyThreshold"), optionalCount(value, "unhealthyThreshold"));
	}

	private static @Nullable Integer optionalCount(JsonNode value, String name) {
		return value.has(name) ? count(value.get(name)) : null;
	}

	private ConditionReader() {
	}

	/** The names a condition may have, sorted, for error messages and the docs. */
	public static List<String> kinds() {
		return KINDS.keySet().stream().sorted().toList();
	}

	/**
	 * Reads a goal.
	 * @param node the YAML list
	 * @param where where the list is, for messages ({@code "step 3's goal"})
	 */
	public static Goal goal(JsonNode node, String where) {
		if (!node.isArray() || node.isEmpty()) {
			throw new IllegalArgumentException(where + " must be a non-empty list of conditions");
		}
		List<Condition> conditions = new ArrayList<>();
		for (int i = 0; i < node.size(); i++) {
			conditions.add(condition(node.get(i), where + ", condition " + (i + 1)));
		}
		return new Goal(conditions);
	}

	static Condition condition(JsonNode node, String where) {
		return OneKeyMap.read(node, where, "condition", KINDS);
	}

	private static Condition equalShares(JsonNode value) {
		if (!bool(value)) {
			throw new IllegalArgumentException(
					"only \"equalShares: true\" is a goal; use maxShareRatio to allow a spread");
		}
		return new Condition.EqualShares();
	}

	/** {@code readyPods: 4} (exactly) or {@code readyPods: {atLeast: 4}}. */
	private static Condition readyPods(JsonNode value) {
		if (value.isObject()) {
			if (value.size() != 1) {
				throw new IllegalArgumentException("expected a count or {atLeast: count}, got " + value);
			}
			return new Condition.AtLeastReadyPods(count(field(value, "atLeast")));
		}
		return new Condition.ReadyPods(count(value));
	}

	private static boolean bool(JsonNode value) {
		if (!value.isBoolean()) {
			throw new IllegalArgumentException("expected true or false, got " + value);
		}
		return value.booleanValue();
	}

	/** A share as {@code 1/6}, {@code 0}, {@code 1} or a decimal such as {@code 1.25}. */
	static Fraction fraction(JsonNode value) {
		if (value.isString()) {
			Matcher matcher = FRACTION.matcher(value.stringValue());
			if (matcher.matches() && Long.parseLong(matcher.group(2)) > 0) {
				return Fraction.of(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)));
			}
		}
		else if (value.isNumber() && value.decimalValue().signum() >= 0) {
			BigDecimal decimal = value.decimalValue().stripTrailingZeros();
			int scale = Math.max(decimal.scale(), 0);
			if (scale <= 9) {
				return Fraction.of(decimal.movePointRight(scale).longValueExact(),
						BigDecimal.TEN.pow(scale).longValue());
			}
		}
		throw new IllegalArgumentException("expected a share such as 1/6, 0 or 1.25, got " + value);
	}

	private static Fraction atLeastOne(Fraction ratio) {
		if (ratio.compareTo(Fraction.ONE) < 0) {
			throw new IllegalArgumentException("a ratio to the mean below 1 can never hold, got " + ratio);
		}
		return ratio;
	}

	private static String text(JsonNode value, String name) {
		JsonNode field = field(value, name);
		if (!field.isString() || field.stringValue().isBlank()) {
			throw new IllegalArgumentException("\"" + name + "\" must be a name, got " + field);
		}
		return field.stringValue();
	}

}
