package io.trafficlab.manifest;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests that {@link ManifestImporter} reports broken manifests with the line and column
 * of the problem.
 */
class ManifestSyntaxTests {

	private final ManifestImporter importer = new ManifestImporter();

	@Test
	void readWhenALineIsLongerThanOneMebiCharacterShouldRefuseItAtOnceNamingTheLineAndTheLimit() {
		String manifests = "apiVersion: v1\nkind: Service\nmetadata:\n  name: " + "x".repeat(15 << 20) + "\n";
		long started = System.nanoTime();
		assertSyntaxError(manifests, 4, 1, "line 4, column 1: the line is 15,728,648 characters long; a YAML line "
				+ "may have at most 1,048,576 (send long values as JSON, or split them)");
		assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds").isLessThan(2_000);
	}

	@Test
	void readWhenALongLineIsWithinTheLimitShouldReadIt() {
		String name = "x".repeat((1 << 20) - "  name: ".length());
		String manifests = "apiVersion: v1\nkind: Service\nmetadata:\n  name: " + name
				+ "\nspec:\n  selector: {app: web}\n  ports: [{port: 80}]\n";
		long started = System.nanoTime();
		assertThat(new ManifestParser(manifests).documents()).singleElement()
			.satisfies(
					(document) -> assertThat(document.root().path("metadata").path("name").asString()).isEqualTo(name));
		// Was quadratic (snakeyaml-engine's 1,024-character buffer): 1 MiB took 0.3 s,
		// 8 MiB 17 s
		assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds").isLessThan(5_000);
	}

	@Test
	void readWhenValueHoldsAColonShouldNameLineAndColumn() {
		assertSyntaxError("""
				apiVersion: v1
				kind: Pod
				metadata:
				  name: web: 1
				""", 4, 12, "line 4, column 12: mapping values are not allowed here");
	}

	@Test
	void readWhenBadlyIndentedShouldNameLineAndColumn() {
		assertSyntaxError("""
				apiVersion: v1
				kind: Pod
				metadata:
				  name: web
				 labels:
				    app: web
				""", 5, 2, "line 5, column 2: expected <block end>, but found '<block mapping start>' (while parsing a "
				+ "block mapping that starts at line 1, column 1)");
	}

	@Test
	void readWhenTabIndentedShouldNameLineAndColumn() {
		assertSyntaxError("apiVersion: v1\nkind: Pod\nmetadata:\n\tname: web\n", 4, 1,
				"line 4, column 1: found character '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for "
						+ "indentation)");
	}

	@Test
	void readWhenQuoteUnclosedShouldPointAtTheQuote() {
		assertSyntaxError("""
				apiVersion: v1
				kind: Pod
				metadata:
				  name: "web
				  labels: {}
				""", 4, 9, "line 4, column 9: while scanning a quoted scalar: found unexpected end of stream");
	}

	@Test
	void readWhenFlowSequenceUnclosedShouldNameBothPlaces() {
		assertSyntaxError("""
				apiVersion: v1
				kind: Service
				metadata: {name: web}
				spec:
				  ports: [{port: 80}
				  type: NodePort
				""", 6, 3, "line 6, column 3: expected ',' or ']', but got <scalar> "
				+ "(while parsing a flow sequence that starts at line 5, column 10)");
	}

	@Test
	void readWhenJsonHasTrailingCommaShouldNameLineAndColumn() {
		assertSyntaxError("{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"Pod\",\n}\n", 4, 1,
				"line 4, column 1: Unexpected character ('}' (code 125)): was expecting double-quote to start property "
						+ "name");
	}

	@Test
	void readWhenJsonUnclosedShouldNameTheEnd() {
		assertSyntaxError("{\"apiVersion\": \"v1\",\n \"kind\": \"Pod\"\n", 3, 1,
				"line 3, column 1: Unexpected end-of-input: expected close marker for Object");
	}

	@Test
	void readWhenKeyRepeatedShouldSaySo() {
		assertSyntaxError("""
				apiVersion: v1
				kind: Service
				spec:
				  type: NodePort
				spec:
				  type: LoadBalancer
				""", 5, 5, "line 5, column 5: duplicate key \"spec\": a key may appear only once in a mapping");
	}

	@Test
	void readWhenDocumentIsNotAMappingShouldSaySo() {
		assertSyntaxError("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n---\njust some text\n", 5, 1,
				"line 5, column 1: expected a Kubernetes object (a mapping with apiVersion and kind), found the text "
						+ "\"just some text\"");
	}

	@Test
	void readWhenKindMissingShouldSayItIsNotSet() {
		assertSyntaxError("""
				apiVersion: v1
				kind: Node
				metadata: {name: n1}
				---
				metadata: {name: n2}
				""", 5, 1, "line 5, column 1: error validating data: [apiVersion not set, kind not set]");
	}

	@Test
	void readWhenListItemHasNoKindShouldPointAtTheItem() {
		assertSyntaxError("""
				apiVersion: v1
				kind: List
				items:
				- apiVersion: v1
				  kind: Node
				  metadata: {name: n1}
				- apiVersion: v1
				  metadata: {name: n2}
				""", 7, 3, "line 7, column 3: error validating data: [kind not set]");
	}

	@Test
	void readWhenApiVersionUnknownForTheKindShouldSayNoMatches() {
		assertSyntaxError("""
				apiVersion: extensions/v1beta1
				kind: Deployment
				metadata: {name: web}
				""", 1, 1, "line 1, column 1: no matches for kind \"Deployment\" in version \"extensions/v1beta1\"");
	}

	@Test
	void readWhenFieldHasTheWrongTypeShouldPointAtIt() {
		assertSyntaxError("""
				apiVersion: v1
				kind: Service
				metadata:
				  name: web
				spec:
				  ports:
				  - port: http
				""", 7, 11, "line 7, column 11: Service \"web\": spec.ports[0].port: Cannot deserialize value of type "
				+ "integer from String \"http\": not a valid integer value");
	}

	@Test
	void readWhenYamlAliasUsedShouldRejectIt() {
		assertSyntaxError("""
				apiVersion: v1
				kind: Pod
				metadata:
				  name: p1
				  labels: &labels {app: web}
				  annotations: *labels
				""", 6, 16, "line 6, column 16: YAML aliases (*labels) are not supported; write the value out instead");
	}

	private void assertSyntaxError(String text, int line, int column, String message) {
		assertThatExceptionOfType(ManifestSyntaxException.class)
			.isThrownBy(() -> this.importer.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))))
			.satisfies((ex) -> {
				assertThat(ex.getMessage()).isEqualTo(message);
				assertThat(ex.line()).isEqualTo(line);
				assertThat(ex.column()).isEqualTo(column);
			});
	}

}
