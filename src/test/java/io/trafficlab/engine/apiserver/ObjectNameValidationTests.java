package io.trafficlab.engine.apiserver;

import java.util.List;
import java.util.Map;

import io.trafficlab.engine.model.Taint;
import io.trafficlab.engine.scheduling.LabelSelector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests that {@link ObjectValidation} checks names, labels, taints and addresses as
 * kube-apiserver does, word for word.
 */
class ObjectNameValidationTests {

	private static final String SUBDOMAIN = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric "
			+ "characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', "
			+ "regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";

	private static final String LABEL = "a lowercase RFC 1123 label must consist of lower case alphanumeric "
			+ "characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or "
			+ "'123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";

	private static final String NAME_PART = "name part must consist of alphanumeric characters, '-', '_' or '.', and "
			+ "must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex "
			+ "used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

	private static final String LABEL_VALUE = "a valid label must be an empty string or consist of alphanumeric "
			+ "characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  "
			+ "or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?"
			+ "[A-Za-z0-9])?')";

	private static final String IP = "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)";

	@Test
	void nodeNameShouldBeADnsSubdomain() {
		assertThatNoException().isThrownBy(() -> node("node-a.example.com"));
		assertRejected(() -> node("Node_A"),
				"Node \"Node_A\" is invalid: metadata.name: Invalid value: \"Node_A\": " + SUBDOMAIN);
		assertRejected(() -> node(""),
				"Node \"\" is invalid: metadata.name: Required value: name or generateName " + "is required");
		String tooLong = "a".repeat(254);
		assertRejected(() -> node(tooLong), "Node \"" + tooLong + "\" is invalid: metadata.name: Invalid value: \""
				+ tooLong + "\": must be no more than 253 characters");
	}

	@Test
	void nodeLabelsShouldBeQualifiedNamesAndLabelValues() {
		assertThatNoException().isThrownBy(() -> ObjectValidation.validateNode("n1",
				Map.of("topology.kubernetes.io/zone", "zone-a"), null, List.of(), null));
		assertRejected(
				() -> ObjectValidation.validateNode("n1", Map.of("topology.kubernetes.io/zone", "zone a"), null,
						List.of(), null),
				"Node \"n1\" is invalid: metadata.labels: Invalid value: \"zone a\": " + LABEL_VALUE);
		assertRejected(() -> ObjectValidation.validateNode("n1", Map.of("a/b/c", "x"), null, List.of(), null),
				"Node \"n1\" is invalid: metadata.labels: Invalid value: \"a/b/c\": a qualified name must consist of "
						+ "alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric "
						+ "character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
						+ "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' "
						+ "(e.g. 'example.com/MyName')");
		assertRejected(() -> ObjectValidation.validateNode("n1", Map.of("/zone", "a"), null, List.of(), null),
				"Node \"n1\" is invalid: metadata.labels: Invalid value: \"/zone\": prefix part must be non-empty");
		assertRejected(() -> ObjectValidation.validateNode("n1", Map.of("zone", "z".repeat(64)), null, List.of(), null),
				"Node \"n1\" is invalid: metadata.labels: Invalid value: \"" + "z".repeat(64)
						+ "\": must be no more than 63 characters");
	}

	@Test
	void taintKeysShouldBeQualifiedNamesAndValuesLabelValues() {
		assertRejected(
				() -> ObjectValidation.validateNode("n1", Map.of(), null,
						List.of(new Taint("Example.com/", "a b", "NoSchedule")), null),
				"Node \"n1\" is invalid: [spec.taints[0].key: Invalid value: \"Example.com/\": prefix part " + SUBDOMAIN
						+ ", spec.taints[0].key: Invalid value: \"Example.com/\": name part must be "
						+ "non-empty, spec.taints[0].key: Invalid value: \"Example.com/\": " + NAME_PART
						+ ", spec.taints[0].value: Invalid value: \"a b\": " + LABEL_VALUE + "]");
	}

	@Test
	void nodeInternalIpShouldBeAnIp() {
		assertThatNoException()
			.isThrownBy(() -> ObjectValidation.validateNode("n1", Map.of(), null, List.of(), "10.0.0.1"));
		assertRejected(() -> ObjectValidation.validateNode("n1", Map.of(), null, List.of(), "10.0.0"),
				"Node \"n1\" is invalid: status.addresses[0].address: Invalid value: \"10.0.0\": " + IP);
	}

	@Test
	void podShouldCheckNameNamespaceNodeNameAndIp() {
		assertThatNoException().isThrownBy(() -> ObjectValidation.validatePod("default", "web-1", Map.of("app", "web"),
				"node-a", Map.of(), List.of(), "10.244.0.5"));
		assertRejected(
				() -> ObjectValidation.validatePod("Team", "web_1", Map.of(), "Node A", Map.of(), List.of(), "x"),
				"Pod \"web_1\" is invalid: [metadata.name: Invalid value: \"web_1\": " + SUBDOMAIN
						+ ", metadata.namespace: Invalid value: \"Team\": " + LABEL
						+ ", spec.nodeName: Invalid value: \"Node A\": " + SUBDOMAIN
						+ ", status.podIPs[0]: Invalid value: \"x\": " + IP + "]");
		assertRejected(
				() -> ObjectValidation.validatePod("default", "web", Map.of(), null, Map.of("disk", "fast ssd"),
						List.of(), null),
				"Pod \"web\" is invalid: spec.nodeSelector: Invalid value: \"fast ssd\": " + LABEL_VALUE);
	}

	@Test
	void workloadShouldCheckNameSelectorAndTemplateLabels() {
		LabelSelector selector = new LabelSelector(Map.of("app", "web app"),
				List.of(new LabelSelector.Requirement("-tier", "DoesNotExist", List.of())));
		assertRejected(
				() -> ObjectValidation.validateWorkload("Deployment.apps", "default", "Web", 1, selector,
						Map.of("app", "web app"), Map.of(), List.of()),
				"Deployment.apps \"Web\" is invalid: [metadata.name: Invalid value: \"Web\": " + SUBDOMAIN
						+ ", spec.selector.matchLabels: Invalid value: \"web app\": " + LABEL_VALUE
						+ ", spec.selector.matchExpressions[0].key: Invalid value: \"-tier\": " + NAME_PART
						+ ", spec.template.metadata.labels: Invalid value: \"web app\": " + LABEL_VALUE + "]");
	}

	@Test
	void endpointSliceShouldCheckNameNodeNameAndZone() {
		assertThatNoException().isThrownBy(() -> ObjectValidation.validateEndpointSlice("default", "web-abc",
				List.of(new SliceEndpoint(List.of("10.0.0.1"), "node-a", "zone-a"))));
		assertRejected(
				() -> ObjectValidation.validateEndpointSlice("default", "web.ABC",
						List.of(new SliceEndpoint(List.of("10.0.0.1"), "node_a", "zone a"))),
				"EndpointSlice.discovery.k8s.io \"web.ABC\" is invalid: [metadata.name: Invalid value: \"web.ABC\": "
						+ SUBDOMAIN + ", endpoints[0].nodeName: Invalid value: \"node_a\": " + SUBDOMAIN
						+ ", endpoints[0].zone: Invalid value: \"zone a\": " + LABEL_VALUE + "]");
	}

	@Test
	void aMegabyteNameShouldMakeASmallMessage() {
		String huge = "x".repeat(1 << 20);
		InvalidObjectException rejected = catchInvalid(() -> node(huge));
		String shown = "\"" + "x".repeat(GoValue.SHORTENED_TO) + "\"... (" + ((1 << 20) - GoValue.SHORTENED_TO)
				+ " more characters)";
		assertThat(rejected.messages()).containsExactly("Node " + shown + " is invalid: metadata.name: Invalid value: "
				+ shown + ": must be no more than 253 characters");
		assertThat(rejected.getMessage()).hasSizeLessThan(1_000);
	}

	private static void node(String name) {
		ObjectValidation.validateNodeName(name);
	}

	private static void assertRejected(Executable validation, String message) {
		assertThat(catchInvalid(validation).messages()).containsExactly(message);
	}

	private static InvalidObjectException catchInvalid(Executable validation) {
		InvalidObjectException[] caught = new InvalidObjectException[1];
		assertThatExceptionOfType(InvalidObjectException.class).isThrownBy(() -> {
			try {
				validation.execute();
			}
			catch (InvalidObjectException ex) {
				caught[0] = ex;
				throw ex;
			}
		});
		return caught[0];
	}

}
