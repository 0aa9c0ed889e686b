package io.trafficlab.engine.apiserver;

import java.util.List;

import org.junit.jupiter.api.Test;

import static io.trafficlab.engine.apiserver.ServiceRegistryTests.web;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests that {@link ServiceRegistry} rejects what kube-apiserver rejects, word for word
 * (R22, R23).
 */
class ServiceValidationMessagesTests {

	private final ServiceRegistry registry = new ServiceRegistry();

	@Test
	void createWhenClusterIpHasExternalPolicyShouldBeInvalid() {
		assertRejected(web("ClusterIP").externalTrafficPolicy("Local").build(),
				"Service \"web\" is invalid: spec.externalTrafficPolicy: Invalid value: \"Local\": "
						+ "may only be set for externally-accessible services");
	}

	@Test
	void createWhenExternalPolicyUnknownShouldListSupportedValues() {
		assertRejected(web("LoadBalancer").externalTrafficPolicy("Foo").build(),
				"Service \"web\" is invalid: spec.externalTrafficPolicy: Unsupported value: \"Foo\": "
						+ "supported values: \"Cluster\", \"Local\"");
	}

	@Test
	void validateWhenExternallyAccessibleWithoutExternalPolicyShouldRequireIt() {
		ServiceDraft draft = ServiceDraft.of(web("NodePort").build());
		ServiceDefaults.apply(draft);
		draft.externalTrafficPolicy = null;
		assertThat(messages(draft)).containsExactly("spec.externalTrafficPolicy: Required value");
	}

	@Test
	void createWhenHealthCheckNodePortWithClusterPolicyShouldBeInvalid() {
		assertRejected(web("LoadBalancer").healthCheckNodePort(32000).build(),
				"Service \"web\" is invalid: spec.healthCheckNodePort: Invalid value: 32000: "
						+ "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'");
	}

	@Test
	void createWhenHealthCheckNodePortOnNodePortLocalShouldBeInvalid() {
		assertRejected(web("NodePort").externalTrafficPolicy("Local").healthCheckNodePort(32000).build(),
				"Service \"web\" is invalid: spec.healthCheckNodePort: Invalid value: 32000: "
						+ "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'");
	}

	@Test
	void validateWhenLocalLoadBalancerHasNoHealthCheckNodePortShouldRequireIt() {
		ServiceDraft draft = ServiceDraft.of(web("LoadBalancer").externalTrafficPolicy("Local").build());
		ServiceDefaults.apply(draft);
		assertThat(messages(draft)).containsExactly("spec.healthCheckNodePort: Required value");
	}

	@Test
	void validateWhenHealthCheckNodePortOutsidePortRangeShouldBeInvalid() {
		ServiceDraft draft = ServiceDraft
			.of(web("LoadBalancer").externalTrafficPolicy("Local").healthCheckNodePort(70000).build());
		ServiceDefaults.apply(draft);
		assertThat(messages(draft))
			.containsExactly("spec.healthCheckNodePort: Invalid value: 70000: must be between 1 and 65535, inclusive");
	}

	@Test
	void createWhenHealthCheckNodePortOutsideNodePortRangeShouldFailToAllocate() {
		assertRejected(web("LoadBalancer").externalTrafficPolicy("Local").healthCheckNodePort(8080).build(),
				"Internal error occurred: failed to allocate requested HealthCheck NodePort 8080: "
						+ "provided port is not in the valid range. The range of valid ports is 30000-32767");
	}

	@Test
	void createWhenRequestedHealthCheckNodePortTakenShouldFailToAllocate() {
		this.registry.create(DeclaredService.builder("default", "api")
			.type("NodePort")
			.port(DeclaredServicePort.tcp(80, 80).withNodePort(32000))
			.build());
		assertRejected(web("LoadBalancer").externalTrafficPolicy("Local").healthCheckNodePort(32000).build(),
				"Internal error occurred: failed to allocate requested HealthCheck NodePort 32000: "
						+ "provided port is already allocated");
	}

	@Test
	void createWhenRequestedNodePortTakenShouldBeInvalid() {
		this.registry.create(web("LoadBalancer").externalTrafficPolicy("Local").healthCheckNodePort(30080).build());
		assertRejected(
				DeclaredService.builder("default", "api")
					.type("NodePort")
					.port(DeclaredServicePort.tcp(80, 80).withNodePort(30080))
					.build(),
				"Service \"api\" is invalid: spec.ports[0].nodePort: Invalid value: 30080: "
						+ "provided port is already allocated");
	}

	@Test
	void createWhenNodePortOutOfRangeShouldBeInvalid() {
		assertRejected(web("NodePort").ports(List.of(DeclaredServicePort.tcp(8080, 8080).withNodePort(8080))).build(),
				"Service \"web\" is invalid: spec.ports[0].nodePort: Invalid value: 8080: "
						+ "provided port is not in the valid range. The range of valid ports is 30000-32767");
	}

	@Test
	void createWhenClusterIpTypeHasNodePortShouldBeForbidden() {
		assertRejected(web(null).ports(List.of(DeclaredServicePort.tcp(80, 8080).withNodePort(30080))).build(),
				"Service \"web\" is invalid: spec.ports[0].nodePort: Forbidden: may not be used when `type` is "
						+ "'ClusterIP'");
	}

	@Test
	void createWhenAllocateLoadBalancerNodePortsOnNodePortShouldBeForbidden() {
		assertRejected(web("NodePort").allocateLoadBalancerNodePorts(true).build(),
				"Service \"web\" is invalid: spec.allocateLoadBalancerNodePorts: Forbidden: "
						+ "may only be used when `type` is 'LoadBalancer'");
	}

	@Test
	void createWhenInternalPolicyUnknownShouldListSupportedValues() {
		assertRejected(web(null).internalTrafficPolicy("Node").build(),
				"Service \"web\" is invalid: spec.internalTrafficPolicy: Unsupported value: \"Node\": "
						+ "supported values: \"Cluster\", \"Local\"");
	}

	@Test
	void createWhenPortsMissingShouldRequireThem() {
		assertRejected(web(null).ports(List.of()).build(), "Service \"web\" is invalid: spec.ports: Required value");
	}

	@Test
	void createWhenTypeUnknownShouldListSupportedTypes() {
		assertRejected(web("Loadbalancer").build(),
				"Service \"web\" is invalid: spec.type: Unsupported value: \"Loadbalancer\": "
						+ "supported values: \"ClusterIP\", \"ExternalName\", \"LoadBalancer\", \"NodePort\"");
	}

	@Test
	void createWhenTrafficDistributionUnknownShouldListSupportedValues() {
		assertRejected(web(null).trafficDistribution("PreferRegion").build(),
				"Service \"web\" is invalid: spec.trafficDistribution: Unsupported value: \"PreferRegion\": "
						+ "supported values: \"PreferClose\", \"PreferSameNode\", \"PreferSameZone\"");
	}

	@Test
	void createWhenSeveralErrorsShouldListThemInBrackets() {
		assertRejected(web("ClusterIP").externalTrafficPolicy("Local").internalTrafficPolicy("Foo").build(),
				"Service \"web\" is invalid: [spec.externalTrafficPolicy: Invalid value: \"Local\": may only be set "
						+ "for externally-accessible services, spec.internalTrafficPolicy: Unsupported value: \"Foo\": "
						+ "supported values: \"Cluster\", \"Local\"]");
	}

	@Test
	void createWhenNameHasCapitalsShouldBeInvalid() {
		assertRejected(DeclaredService.builder("default", "Web").port(DeclaredServicePort.tcp(80, 80)).build(),
				"Service \"Web\" is invalid: metadata.name: Invalid value: \"Web\": a DNS-1035 label must consist of "
						+ "lower case alphanumeric characters or '-', start with an alphabetic character, "
						+ "and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for "
						+ "validation is '[a-z]([-a-z0-9]*[a-z0-9])?')");
	}

	@Test
	void createWhenTwoPortsUnnamedShouldRequireNames() {
		assertRejected(web(null)
			.ports(List.of(DeclaredServicePort.tcp(80, 8080), new DeclaredServicePort("https", null, 443, null, null)))
			.build(), "Service \"web\" is invalid: spec.ports[0].name: Required value");
	}

	@Test
	void createWhenPortRepeatedShouldPrintTheDuplicateKeyLikeGo() {
		assertRejected(
				web(null).ports(List.of(new DeclaredServicePort("a", null, 443, null, null),
						new DeclaredServicePort("b", null, 443, null, null)))
					.build(),
				"Service \"web\" is invalid: spec.ports[1]: Duplicate value: core.ServicePort{Name:\"\", "
						+ "Protocol:\"TCP\", AppProtocol:(*string)(nil), Port:443, "
						+ "TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}, NodePort:0}");
	}

	@Test
	void createWhenPortZeroShouldBeInvalid() {
		assertRejected(web(null).ports(List.of(new DeclaredServicePort(null, null, 0, "8080", null))).build(),
				"Service \"web\" is invalid: spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, "
						+ "inclusive");
	}

	@Test
	void createWhenNamedTargetPortHasCapitalsShouldBeInvalid() {
		assertRejected(web(null).ports(List.of(new DeclaredServicePort(null, null, 80, "Http", null))).build(),
				"Service \"web\" is invalid: spec.ports[0].targetPort: Invalid value: \"Http\": "
						+ "must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
	}

	@Test
	void createWhenClusterIpMalformedShouldBeInvalid() {
		assertRejected(web(null).clusterIp("10.96.0.300").build(),
				"Service \"web\" is invalid: spec.clusterIPs[0]: Invalid value: \"10.96.0.300\": must be a valid IP "
						+ "address, (e.g. 10.9.8.7 or 2001:db8::ffff)");
	}

	@Test
	void createWhenClusterIpTakenShouldFailToAllocate() {
		this.registry.create(DeclaredService.builder("default", "api")
			.port(DeclaredServicePort.tcp(80, 80))
			.clusterIp("10.96.0.50")
			.build());
		assertRejected(web(null).clusterIp("10.96.0.50").build(),
				"Service \"web\" is invalid: spec.clusterIPs: Invalid value: []string{\"10.96.0.50\"}: failed to "
						+ "allocate IP 10.96.0.50: provided IP is already allocated");
	}

	@Test
	void createWhenSourceRangesOnNodePortShouldBeForbidden() {
		assertRejected(web("NodePort").loadBalancerSourceRanges(List.of("10.0.0.0/8")).build(),
				"Service \"web\" is invalid: spec.LoadBalancerSourceRanges: Forbidden: may only be used when `type` "
						+ "is 'LoadBalancer'");
	}

	@Test
	void createWhenAffinityTimeoutTooLongShouldBeInvalid() {
		assertRejected(web(null).sessionAffinity("ClientIP").sessionAffinityTimeoutSeconds(90000).build(),
				"Service \"web\" is invalid: spec.sessionAffinityConfig.clientIP.timeoutSeconds: Invalid value: 90000: "
						+ "must be greater than 0 and less than 86400");
	}

	@Test
	void createWhenExternalIpIsLoopbackShouldBeInvalid() {
		assertRejected(web(null).externalIps(List.of("127.0.0.1")).build(),
				"Service \"web\" is invalid: spec.externalIPs[0]: Invalid value: \"127.0.0.1\": may not be in the "
						+ "loopback range (127.0.0.0/8, ::1/128)");
	}

	private void assertRejected(DeclaredService request, String message) {
		assertThatExceptionOfType(InvalidObjectException.class).isThrownBy(() -> this.registry.create(request))
			.satisfies((ex) -> assertThat(ex.messages()).containsExactly(message));
	}

	private static List<String> messages(ServiceDraft draft) {
		return ServiceValidation.validate(draft).stream().map(FieldError::toString).toList();
	}

}
