package io.trafficlab.teaching;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import io.trafficlab.engine.balancer.Dataplane;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.balancer.LoadBalancerModel;
import io.trafficlab.engine.goal.Goal;
import io.trafficlab.engine.model.TrafficPolicy;
import io.trafficlab.engine.net.NetworkModel;
import io.trafficlab.engine.proxy.ProxyMode;
import io.trafficlab.engine.simulation.SimulationCommand;
import io.trafficlab.engine.simulation.SimulationSettings;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads one lesson file (docs/lessons.md, "Lesson files"). Every mistake is a
 * {@link LessonFileException} naming the file and the place: a line and column for YAML
 * syntax, the step, question or choice otherwise.
 */
final class LessonReader {

	static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private static final YAMLMapper YAML = YAMLMapper.builder().build();

	private static final int MAX_SETTLE_SECONDS = 600;

	private final String file;

	LessonReader(String file) {
		this.file = file;
	}

	Lesson read(String content) {
		JsonNode root;
		try {
			root = YAML.readTree(content);
		}
		catch (JacksonException ex) {
			TokenStreamLocation at = ex.getLocation();
			String where = (at != null && at.getLineNr() > 0)
					? "line " + at.getLineNr() + ", column " + at.getColumnNr() : "the YAML";
			throw new LessonFileException(this.file, where, String.valueOf(ex.getOriginalMessage()));
		}
		try {
			return lesson(root);
		}
		catch (IllegalArgumentException ex) {
			throw new LessonFileException(this.file, null, String.valueOf(ex.getMessage()));
		}
	}

	private Lesson lesson(@Nullable JsonNode root) {
		if (root == null || !root.isObject()) {
			throw new IllegalArgumentException("a lesson file is a map with id, title, summary and steps");
		}
		allowOnly(root, "the lesson", "id", "title", "summary", "steps");
		String id = text(root, "id", "the lesson");
		if (!ID.matcher(id).matches()) {
			throw new IllegalArgumentException("the lesson's id \"" + id
					+ "\" must be lower-case letters, digits and single hyphens (it is part of the URL)");
		}
		JsonNode steps = root.path("steps");
		if (!steps.isArray() || steps.isEmpty()) {
			throw new IllegalArgumentException("the lesson needs \"steps\": a non-empty list");
		}
		List<LessonStep> read = new ArrayList<>();
		for (int i = 0; i < steps.size(); i++) {
			read.add(step(steps.get(i), "step " + (i + 1)));
		}
		return new Lesson(id, text(root, "title", "the lesson"), RichText.parse(text(root, "summary", "the lesson")),
				read, this.file);
	}

	private LessonStep step(JsonNode node, String where) {
		requireMap(node, where);
		allowOnly(node, where, "title", "text", "sandbox", "curl", "questions", "sources");
		JsonNode sandbox = node.path("sandbox");
		if (!sandbox.isObject()) {
			throw new IllegalArgumentException(where + " needs \"sandbox\": a map with a preset and/or manifests");
		}
		List<Question> questions = new ArrayList<>();
		JsonNode list = node.path("questions");
		if (!list.isMissingNode()) {
			if (!list.isArray()) {
				throw new IllegalArgumentException(where + "'s \"questions\" must be a list");
			}
			for (int i = 0; i < list.size(); i++) {
				questions.add(question(list.get(i), where + ", question " + (i + 1)));
			}
		}
		return new LessonStep(text(node, "title", where), RichText.parse(text(node, "text", where)),
				sandbox(sandbox, where + "'s sandbox"), curl(node, where), questions,
				SourcesReader.read(node.path("sources"), where));
	}

	private StepSandbox sandbox(JsonNode node, String where) {
		allowOnly(node, where, "preset", "manifests", "externalTrafficPolicy", "lb", "loadBalancer", "dataplane",
				"network", "clientRate", "speed", "seed", "paused");
		String preset = optionalText(node, "preset", where);
		String manifests = optionalText(node, "manifests", where);
		if (preset == null && manifests == null) {
			throw new IllegalArgumentException(where + " needs a \"preset\", \"manifests\" or both");
		}
		TrafficPolicy policy = node.has("externalTrafficPolicy")
				? at(where, "externalTrafficPolicy", () -> RevealReader.policy(node.get("externalTrafficPolicy")))
				: null;
		LoadBalancerModel model = node.has("lb") ? at(where, "lb", () -> RevealReader.lb(node.get("lb")))
				: LoadBalancerModel.EVEN;
		LoadBalancerKind kind = node.has("loadBalancer")
				? at(where, "loadBalancer", () -> RevealReader.loadBalancer(node.get("loadBalancer")))
				: SimulationSettings.defaults().kind();
		Dataplane dataplane = node.has("dataplane")
				? at(where, "dataplane", () -> RevealReader.dataplane(node.get("dataplane"))) : Dataplane.KUBE_PROXY;
		NetworkModel network = node.has("network")
				? at(where, "network", () -> RevealReader.network(node.get("network"))) : NetworkModel.DEFAULT;
		double rate = node.has("clientRate") ? at(where, "clientRate", () -> RevealReader.rate(node.get("clientRate")))
				: 50;
		double speed = node.path("speed").asDouble(1);
		if (node.has("speed") && !(node.get("speed").isNumber() && speed >= 0.1 && speed <= 50)) {
			throw new IllegalArgumentException(where + " (speed): expected 0.1 to 50, got " + node.get("speed"));
		}
		if (node.has("seed") && !node.get("seed").canConvertToLong()) {
			throw new IllegalArgumentException(where + " (seed): expected a whole number, got " + node.get("seed"));
		}
		if (node.has("paused") && !node.get("paused").isBoolean()) {
			throw new IllegalArgumentException(where + " (paused): expected true or false, got " + node.get("paused"));
		}
		return new StepSandbox(preset, manifests, policy, model, kind, dataplane, network, rate, speed,
				node.path("seed").asLong(1), node.path("paused").asBoolean(false));
	}

	private Question question(JsonNode node, String where) {
		requireMap(node, where);
		allowOnly(node, where, "prompt", "choices", "reveal", "explanation", "expect", "settle", "curl", "analyzer",
				"showRules");
		JsonNode choices = node.path("choices");
		if (!choices.isArray() || choices.size() < 2) {
			throw new IllegalArgumentException(where + " needs \"choices\": a list of at least two");
		}
		List<Question.Choice> read = new ArrayList<>();
		for (int i = 0; i < choices.size(); i++) {
			String at = where + ", choice " + (i + 1);
			JsonNode choice = choices.get(i);
			requireMap(choice, at);
			allowOnly(choice, at, "text", "correct");
			if (choice.has("correct") && !choice.get("correct").isBoolean()) {
				throw new IllegalArgumentException(
						at + " (correct): expected true or false, got " + choice.get("correct"));
			}
			read.add(new Question.Choice(RichText.parse(text(choice, "text", at)),
					choice.path("correct").asBoolean(false)));
		}
		long correct = read.stream().filter(Question.Choice::correct).count();
		if (correct != 1) {
			throw new IllegalArgumentException(
					where + " has " + correct + " choices marked \"correct: true\"; exactly one must be");
		}
		JsonNode expect = node.path("expect");
		if (expect.isMissingNode()) {
			throw new IllegalArgumentException(where + " needs \"expect\": the conditions its explanation relies on");
		}
		Goal goal = ConditionReader.goal(expect, where + "'s expect");
		List<SimulationCommand> reveal = RevealReader.commands(node.path("reveal"), where + "'s reveal");
		JsonNode settle = node.path("settle");
		if (!settle.isMissingNode()
				&& !(settle.isInt() && settle.intValue() >= 0 && settle.intValue() <= MAX_SETTLE_SECONDS)) {
			throw new IllegalArgumentException(
					where + " (settle): expected 0 to " + MAX_SETTLE_SECONDS + " simulated seconds, got " + settle);
		}
		return new Question(RichText.parse(text(node, "prompt", where)), read, reveal,
				RichText.parse(text(node, "explanation", where)), goal, settle.asInt(0), curl(node, where),
				analyzer(node.path("analyzer"), where + "'s analyzer"), showRules(node.path("showRules"), where));
	}

	private static @Nullable RulesReveal showRules(JsonNode node, String where) {
		if (node.isMissingNode()) {
			return null;
		}
		String at = where + "'s showRules";
		requireMap(node, at);
		allowOnly(node, at, "node", "mode");
		String name = text(node, "node", at);
		ProxyMode mode = node.has("mode")
				? at(at, "mode", () -> SpelledValueReader.read(ProxyMode.class, node.get("mode"))) : ProxyMode.IPTABLES;
		return new RulesReveal(name, mode);
	}

	private static @Nullable AnalyzerLink analyzer(JsonNode node, String where) {
		if (node.isMissingNode()) {
			return null;
		}
		requireMap(node, where);
		allowOnly(node, where, "example", "loadBalancer", "dataplane", "network");
		String example = text(node, "example", where);
		if (!ID.matcher(example).matches()) {
			throw new IllegalArgumentException(where + " (example): expected an analyzer example's name, like "
					+ "uneven-3-1-0, got \"" + example + "\"");
		}
		if (!node.has("loadBalancer")) {
			throw new IllegalArgumentException(where + " needs \"loadBalancer\": the load balancer to analyze with");
		}
		LoadBalancerKind kind = at(where, "loadBalancer", () -> RevealReader.loadBalancer(node.get("loadBalancer")));
		Dataplane dataplane = node.has("dataplane")
				? at(where, "dataplane", () -> RevealReader.dataplane(node.get("dataplane"))) : Dataplane.KUBE_PROXY;
		NetworkModel network = node.has("network")
				? at(where, "network", () -> RevealReader.network(node.get("network"))) : NetworkModel.DEFAULT;
		return new AnalyzerLink(example, kind, dataplane, network);
	}

	private static @Nullable String curl(JsonNode node, String where) {
		JsonNode curl = node.path("curl");
		if (curl.isMissingNode()) {
			return null;
		}
		if (!curl.isObject() || curl.size() != 1 || !curl.path("node").isString()
				|| curl.path("node").stringValue().isBlank()) {
			throw new IllegalArgumentException(where + "'s curl must be a map with a node, like {node: n3}");
		}
		return curl.get("node").stringValue();
	}

	private static <T> T at(String where, String field, java.util.function.Supplier<T> read) {
		try {
			return read.get();
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(where + " (" + field + "): " + ex.getMessage(), ex);
		}
	}

	private static void requireMap(JsonNode node, String where) {
		if (!node.isObject()) {
			throw new IllegalArgumentException(where + " must be a map");
		}
	}

	private static void allowOnly(JsonNode node, String where, String... fields) {
		Set<String> allowed = new TreeSet<>(List.of(fields));
		for (String name : node.propertyNames()) {
			if (!allowed.contains(name)) {
				throw new IllegalArgumentException(
						where + ": unknown field \"" + name + "\", expected one of " + allowed);
			}
		}
	}

	private static String text(JsonNode node, String field, String where) {
		String value = optionalText(node, field, where);
		if (value == null) {
			throw new IllegalArgumentException(where + " needs \"" + field + "\"");
		}
		return value;
	}

	private static @Nullable String optionalText(JsonNode node, String field, String where) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString() || value.stringValue().isBlank()) {
			throw new IllegalArgumentException(where + " (" + field + "): expected text, got " + value);
		}
		return value.stringValue();
	}

}
