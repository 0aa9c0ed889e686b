package io.trafficlab.stream;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.trafficlab.WireEnums;
import io.trafficlab.engine.balancer.LoadBalancerModel;
import io.trafficlab.engine.model.Fraction;
import io.trafficlab.engine.model.Spelled;
import io.trafficlab.engine.model.TrafficPolicy;
import io.trafficlab.engine.simulation.Hop;
import io.trafficlab.engine.simulation.SimulationEvent;
import io.trafficlab.engine.simulation.SimulationSnapshot;
import io.trafficlab.engine.simulation.TargetState;
import io.trafficlab.sandbox.EventBatch;
import io.trafficlab.sandbox.SandboxSnapshot;
import io.trafficlab.system.SpelledValuesModule;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.json.JsonTest;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event schema: every engine event serializes generically with a {@code type}, and
 * the two hand-written mirrors (docs/events.md and frontend/src/protocol/events.ts) name
 * every event and every field.
 */
@JsonTest
@Import({ StreamJson.class, SpelledValuesModule.class })
class EventSchemaTests {

	private static final List<Class<?>> EVENT_TYPES = Arrays.asList(SimulationEvent.class.getPermittedSubclasses());

	@Autowired
	private JsonMapper json;

	@Test
	void serializeWhenAnyEventShouldCarryItsSimpleNameAsTypeAndEveryComponent() {
		assertThat(EVENT_TYPES).hasSizeGreaterThanOrEqualTo(18);
		for (Class<?> type : EVENT_TYPES) {
			JsonNode node = this.json.valueToTree(sample(type));
			assertThat(node.path("type").asString()).as(type.getName()).isEqualTo(type.getSimpleName());
			for (RecordComponent component : type.getRecordComponents()) {
				assertThat(node.has(component.getName())).as(type.getSimpleName() + "." + component.getName()).isTrue();
			}
			assertThat(node.size()).isEqualTo(type.getRecordComponents().length + 1);
		}
	}

	@Test
	void serializeWhenBatchShouldTypeEachEventAndWriteHopsAsRecords() {
		Hop hop = new Hop(5, Hop.Direction.REQUEST, "n1", "DNAT to web-1", "203.0.113.10:40000", "198.51.100.10:80",
				"203.0.113.10:40000", "10.244.1.5:8080");
		SimulationEvent routed = new SimulationEvent.ConnectionRouted(5, 1, "203.0.113.10", "n1", "n1", "web-1",
				"10.244.1.5", "203.0.113.10", List.of(hop), 900);
		JsonNode batch = this.json.valueToTree(
				new EventBatch(3, 0, 50_000, 1_700_000_000_000L, List.of(routed), Map.of("ConnectionRouted", 2)));
		assertThat(batch.path("seq").asLong()).isEqualTo(3);
		assertThat(batch.path("events").get(0).path("type").asString()).isEqualTo("ConnectionRouted");
		assertThat(batch.path("events").get(0).path("hops").get(0).path("direction").asString()).isEqualTo("request");
		assertThat(batch.path("missed").path("ConnectionRouted").asInt()).isEqualTo(2);
	}

	@Test
	void serializeWhenFractionShouldWriteItsExactText() {
		assertThat(this.json.writeValueAsString(Map.of("share", Fraction.of(2, 12)))).isEqualTo("{\"share\":\"1/6\"}");
	}

	@Test
	void docsWhenReadShouldNameEveryEventAndField() throws IOException {
		String docs = Files.readString(Path.of("docs", "events.md"));
		for (Class<?> type : EVENT_TYPES) {
			int start = docs.indexOf("**`" + type.getSimpleName() + "`**");
			assertThat(start).as("docs/events.md describes " + type.getSimpleName()).isGreaterThanOrEqualTo(0);
			int end = docs.indexOf("**`", start + 4);
			String section = docs.substring(start, (end < 0) ? docs.length() : end);
			for (RecordComponent component : type.getRecordComponents()) {
				assertThat(section).as("docs/events.md, " + type.getSimpleName())
					.contains("`" + component.getName() + "`");
			}
		}
	}

	@Test
	void frontendProtocolWhenReadShouldMirrorEveryEventAndField() throws IOException {
		String protocol = Files.readString(Path.of("frontend", "src", "protocol", "events.ts"));
		for (Class<?> type : EVENT_TYPES) {
			Matcher block = Pattern
				.compile("export interface " + type.getSimpleName() + " \\{(.*?)\\n\\}", Pattern.DOTALL)
				.matcher(protocol);
			assertThat(block.find()).as("events.ts declares " + type.getSimpleName()).isTrue();
			assertThat(block.group(1)).contains("type: '" + type.getSimpleName() + "';");
			for (RecordComponent component : type.getRecordComponents()) {
				assertThat(block.group(1)).as("events.ts, " + type.getSimpleName())
					.containsPattern("\\n\\t" + component.getName() + ": ");
			}
		}
	}

	@Test
	void frontendProtocolAndDocsWhenReadShouldMirrorEveryFieldOfTheSnapshotsEntries() throws IOException {
		String protocol = Files.readString(Path.of("frontend", "src", "protocol", "events.ts"));
		String docs = Files.readString(Path.of("docs", "events.md"));
		for (Class<?> type : List.of(SimulationSnapshot.NodeState.class, SimulationSnapshot.PodState.class)) {
			Matcher block = Pattern
				.compile("export interface " + type.getSimpleName() + " \\{(.*?)\\n\\}", Pattern.DOTALL)
				.matcher(protocol);
			assertThat(block.find()).as("events.ts declares " + type.getSimpleName()).isTrue();
			for (RecordComponent component : type.getRecordComponents()) {
				assertThat(block.group(1)).as("events.ts, " + type.getSimpleName())
					.containsPattern("\\n\\t" + component.getName() + ": ");
			}
		}
		String pods = docs.lines().filter((line) -> line.startsWith("| `pods[]` |")).findFirst().orElseThrow();
		for (RecordComponent component : SimulationSnapshot.PodState.class.getRecordComponents()) {
			assertThat(pods).as("docs/events.md, the snapshot's pods[]").contains("`" + component.getName() + "`");
		}
	}

	@Test
	void serializeWhenSpelledValueShouldWriteItsSpellingAsValueAndKey() {
		for (Class<?> type : streamEnums()) {
			for (Object constant : type.getEnumConstants()) {
				String spelling = ((Spelled) constant).apiName();
				assertThat(this.json.writeValueAsString(constant)).isEqualTo("\"" + spelling + "\"");
				assertThat(this.json.writeValueAsString(Map.of(constant, 1))).isEqualTo("{\"" + spelling + "\":1}");
				assertThat(this.json.readValue("\"" + spelling + "\"", type)).isSameAs(constant);
			}
		}
	}

	@Test
	void frontendProtocolWhenReadShouldDeclareEveryEnumAsItsSpellings() throws IOException {
		Set<Class<?>> enums = streamEnums();
		assertThat(enums).contains(TargetState.class, Hop.Direction.class, LoadBalancerModel.class,
				TrafficPolicy.class);
		WireEnums.assertMirroredAsUnions(Path.of("frontend", "src", "protocol", "events.ts"), enums);
	}

	/** The enums the stream carries: in batches, snapshots and statistics. */
	private static Set<Class<?>> streamEnums() {
		return WireEnums.reachableFrom(EventBatch.class, SandboxSnapshot.class, StatisticsMessage.class);
	}

	/** An instance with plain values: the mapping must not depend on the values. */
	private static Object sample(Class<?> type) {
		RecordComponent[] components = type.getRecordComponents();
		Object[] values = new Object[components.length];
		Class<?>[] types = new Class<?>[components.length];
		for (int i = 0; i < components.length; i++) {
			types[i] = components[i].getType();
			values[i] = sampleValue(types[i]);
		}
		try {
			Constructor<?> constructor = type.getDeclaredConstructor(types);
			return constructor.newInstance(values);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Object sampleValue(Class<?> type) {
		if (type == long.class) {
			return 1L;
		}
		if (type == int.class) {
			return 1;
		}
		if (type == double.class) {
			return 1.5;
		}
		if (type == boolean.class) {
			return true;
		}
		if (type == String.class) {
			return "x";
		}
		if (type == List.class) {
			return List.of();
		}
		if (type == Map.class) {
			return Map.of();
		}
		if (type.isEnum()) {
			return type.getEnumConstants()[0];
		}
		throw new IllegalArgumentException("No sample for " + type);
	}

}
