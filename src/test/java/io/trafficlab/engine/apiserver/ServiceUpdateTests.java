package io.trafficlab.engine.apiserver;

import java.util.List;

import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.model.ServiceRef;
import io.trafficlab.engine.model.ServiceType;
import io.trafficlab.engine.model.TrafficPolicy;
import org.junit.jupiter.api.Test;

import static io.trafficlab.engine.apiserver.ServiceRegistryTests.web;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ServiceRegistry#update}: the API server's update rules (R23).
 */
class ServiceUpdateTests {

	private static final ServiceRef WEB = new ServiceRef("default", "web");

	private final ServiceRegistry registry = new ServiceRegistry();

	@Test
	void updateWhenClusterBecomesLocalShouldAllocateHealthCheckNodePort() {
		Service before = this.registry.create(web("LoadBalancer").build());
		Service after = this.registry.update(stored().withExternalTrafficPolicy("Local"));
		assertThat(after.externalTrafficPolicy()).isEqualTo(TrafficPolicy.LOCAL);
		assertThat(after.healthCheckNodePort()).isBetween(30000, 32767);
		assertThat(after.primaryPort().nodePort()).isEqualTo(before.primaryPort().nodePort());
		assertThat(after.clusterIp()).isEqualTo(before.clusterIp());
		assertThat(after.loadBalancerIps()).isEqualTo(before.loadBalancerIps());
	}

	@Test
	void updateWhenClusterBecomesLocalWithRequestedPortShouldReserveIt() {
		this.registry.create(web("LoadBalancer").build());
		DeclaredService request = stored().withExternalTrafficPolicy("Local").withHealthCheckNodePort(32000);
		Service after = this.registry.update(request);
		assertThat(after.healthCheckNodePort()).isEqualTo(32000);
	}

	@Test
	void updateWhenRequestedHealthCheckNodePortTakenShouldFailAndChangeNothing() {
		this.registry.create(web("LoadBalancer").build());
		this.registry.create(DeclaredService.builder("default", "api")
			.type("NodePort")
			.port(DeclaredServicePort.tcp(80, 80).withNodePort(32000))
			.build());
		DeclaredService request = stored().withExternalTrafficPolicy("Local").withHealthCheckNodePort(32000);
		assertThatExceptionOfType(InvalidObjectException.class).isThrownBy(() -> this.registry.update(request))
			.satisfies((ex) -> assertThat(ex.messages())
				.containsExactly("Internal error occurred: failed to allocate requested HealthCheck NodePort 32000: "
						+ "provided port is already allocated"));
		assertThat(stored().externalTrafficPolicy()).isEqualTo("Cluster");
	}

	@Test
	void updateWhenLocalBecomesClusterWithPortUnchangedShouldReleaseAndResetIt() {
		this.registry.create(web("LoadBalancer").externalTrafficPolicy("Local").healthCheckNodePort(32000).build());
		Service after = this.registry.update(stored().withExternalTrafficPolicy("Cluster"));
		assertThat(after.healthCheckNodePort()).isZero();
		assertThat(stored().healthCheckNodePort()).isNull();
		Service api = this.registry.create(DeclaredService.builder("default", "api")
			.type("NodePort")
			.port(DeclaredServicePort.tcp(80, 80).withNodePort(32000))
			.build());
		assertThat(api.primaryPort().nodePort()).isEqualTo(32000);
	}

	@Test
	void updateWhenLocalBecomesClusterWithoutPortShouldHaveNone() {
		this.registry.create(web("LoadBalancer").externalTrafficPolicy("Local").build());
		Service after = this.registry
			.update(stored().withExternalTrafficPolicy("Cluster").withHealthCheckNodePort(null));
		assertThat(after.healthCheckNodePort()).isZero();
	}

	@Test
	void updateWhenLocalBecomesClusterWithAnotherPortShouldBeInvalid() {
		this.registry.create(web("LoadBalancer").externalTrafficPolicy("Local").healthCheckNodePort(32000).build());
		assertRejected(stored().withExternalTrafficPolicy("Cluster").withHealthCheckNodePort(32001),
				"Service \"web\" is invalid: spec.healthCheckNodePort: Invalid value: 32001: may only be set when "
						+ "`type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'");
	}

	@Test
	void updateWhenHealthCheckNodePortChangesWhileNeededShouldBeForbidden() {
		this.registry.create(web("LoadBalancer").externalTrafficPolicy("Local").healthCheckNodePort(32000).build());
		assertRejected(stored().withHealthCheckNodePort(32001),
				"Service \"web\" is invalid: spec.healthCheckNodePort: Forbidden: field is immutable");
	}

	@Test
	void updateWhenHealthCheckNodePortOmittedWhileNeededShouldKeepIt() {
		this.registry.create(web("LoadBalancer").externalTrafficPolicy("Local").healthCheckNodePort(32000).build());
		Service after = this.registry.update(stored().withHealthCheckNodePort(null));
		assertThat(after.healthCheckNodePort()).isEqualTo(32000);
	}

	@Test
	void updateWhenNodePortsOmittedShouldKeepThem() {
		Service before = this.registry.create(web("NodePort").build());
		Service after = this.registry.update(web("NodePort").build());
		assertThat(after.primaryPort().nodePort()).isEqualTo(before.primaryPort().nodePort());
	}

	@Test
	void updateWhenLoadBalancerBecomesClusterIpShouldDropTypeDependentFieldsSilently() {
		Service before = this.registry
			.create(web("LoadBalancer").externalTrafficPolicy("Local").healthCheckNodePort(32000).build());
		Service after = this.registry.update(stored().withType("ClusterIP"));
		assertThat(after.type()).isEqualTo(ServiceType.CLUSTER_IP);
		assertThat(after.externalTrafficPolicy()).isNull();
		assertThat(after.healthCheckNodePort()).isZero();
		assertThat(after.primaryPort().nodePort()).isZero();
		assertThat(after.loadBalancerIps()).isEmpty();
		assertThat(stored().externalTrafficPolicy()).isNull();
		assertThat(stored().allocateLoadBalancerNodePorts()).isNull();
		Service api = this.registry.create(DeclaredService.builder("default", "api")
			.type("NodePort")
			.port(DeclaredServicePort.tcp(80, 80).withNodePort(before.primaryPort().nodePort()))
			.build());
		assertThat(api.primaryPort().nodePort()).isEqualTo(before.primaryPort().nodePort());
	}

	@Test
	void updateWhenBecomingClusterIpWithAPortDroppedShouldStillClearTheOtherNodePorts() {
		this.registry.create(web("LoadBalancer").ports(List.of(new DeclaredServicePort("http", "TCP", 80, "8080", null),
				new DeclaredServicePort("https", "TCP", 443, "8443", null)))
			.build());
		DeclaredService current = stored();
		DeclaredService request = current.toBuilder()
			.type("ClusterIP")
			.externalTrafficPolicy(null)
			.ports(List.of(current.ports().get(0)))
			.build();
		Service after = this.registry.update(request);
		assertThat(after.ports()).singleElement().satisfies((port) -> assertThat(port.nodePort()).isZero());
	}

	@Test
	void updateWhenBecomingClusterIpWithChangedPolicyShouldBeInvalid() {
		this.registry.create(web("LoadBalancer").externalTrafficPolicy("Local").build());
		DeclaredService request = stored().withType("ClusterIP")
			.withExternalTrafficPolicy("Cluster")
			.withHealthCheckNodePort(null);
		assertRejected(request, "Service \"web\" is invalid: spec.externalTrafficPolicy: Invalid value: \"Cluster\": "
				+ "may only be set for externally-accessible services");
	}

	@Test
	void updateWhenRejectedShouldKeepWhatTheServiceHeld() {
		this.registry.create(web("LoadBalancer").externalTrafficPolicy("Local")
			.ports(List.of(DeclaredServicePort.tcp(80, 8080).withNodePort(30080)))
			.healthCheckNodePort(32000)
			.build());
		DeclaredService rejected = stored().withType("ClusterIP").withExternalTrafficPolicy("Cluster");
		assertThatExceptionOfType(InvalidObjectException.class).isThrownBy(() -> this.registry.update(rejected));
		for (int port : List.of(30080, 32000)) {
			DeclaredService clash = DeclaredService.builder("default", "api" + port)
				.type("NodePort")
				.port(DeclaredServicePort.tcp(80, 80).withNodePort(port))
				.build();
			assertThatExceptionOfType(InvalidObjectException.class).isThrownBy(() -> this.registry.create(clash));
		}
		assertThat(this.registry.services().get(0).loadBalancerIps()).containsExactly("198.51.100.10");
		Service other = this.registry.create(DeclaredService.builder("default", "other")
			.type("LoadBalancer")
			.port(DeclaredServicePort.tcp(80, 80))
			.build());
		assertThat(other.loadBalancerIps()).containsExactly("198.51.100.11");
	}

	@Test
	void updateWhenClusterIpServiceSetsPolicyShouldBeInvalid() {
		this.registry.create(web("ClusterIP").build());
		assertRejected(stored().withExternalTrafficPolicy("Local"),
				"Service \"web\" is invalid: spec.externalTrafficPolicy: Invalid value: \"Local\": may only be set for "
						+ "externally-accessible services");
	}

	@Test
	void updateWhenLoadBalancerBecomesNodePortShouldKeepPolicyAndDropHealthCheck() {
		this.registry.create(web("LoadBalancer").externalTrafficPolicy("Local").healthCheckNodePort(32000).build());
		Service after = this.registry.update(stored().withType("NodePort"));
		assertThat(after.externalTrafficPolicy()).isEqualTo(TrafficPolicy.LOCAL);
		assertThat(after.healthCheckNodePort()).isZero();
		assertThat(after.loadBalancerIps()).isEmpty();
	}

	@Test
	void updateWhenClusterIpBecomesLoadBalancerShouldAllocateEverything() {
		Service before = this.registry.create(web("ClusterIP").build());
		Service after = this.registry.update(stored().withType("LoadBalancer").withExternalTrafficPolicy("Local"));
		assertThat(after.clusterIp()).isEqualTo(before.clusterIp());
		assertThat(after.primaryPort().nodePort()).isBetween(30000, 32767);
		assertThat(after.healthCheckNodePort()).isBetween(30000, 32767);
		assertThat(after.loadBalancerIps()).containsExactly("198.51.100.10");
	}

	@Test
	void updateWhenClusterIpChangedShouldBeInvalid() {
		this.registry.create(web(null).clusterIp("10.96.0.50").build());
		assertRejected(stored().toBuilder().clusterIp("10.96.0.51").build(),
				"Service \"web\" is invalid: spec.clusterIPs[0]: Invalid value: \"10.96.0.51\": "
						+ "may not change once set");
	}

	@Test
	void updateWhenServiceUnknownShouldSayNotFound() {
		assertRejected(web(null).build(), "services \"web\" not found");
	}

	@Test
	void updateWhenRestoredFromClusterServicesShouldToggleThePolicy() {
		Service stored = this.registry.create(web("LoadBalancer").externalTrafficPolicy("Local").build());
		ServiceRegistry restored = ServiceRegistry.of(List.of(stored));
		Service toggled = restored.update(DeclaredService.from(stored).withExternalTrafficPolicy("Cluster"));
		assertThat(toggled.externalTrafficPolicy()).isEqualTo(TrafficPolicy.CLUSTER);
		assertThat(toggled.healthCheckNodePort()).isZero();
		assertThat(toggled.primaryPort().nodePort()).isEqualTo(stored.primaryPort().nodePort());
		assertThat(toggled.loadBalancerIps()).isEqualTo(stored.loadBalancerIps());
		Service back = restored.update(DeclaredService.from(toggled).withExternalTrafficPolicy("Local"));
		assertThat(back.healthCheckNodePort()).isBetween(30000, 32767);
	}

	private DeclaredService stored() {
		return this.registry.get(WEB).orElseThrow();
	}

	private void assertRejected(DeclaredService request, String message) {
		assertThatExceptionOfType(InvalidObjectException.class).isThrownBy(() -> this.registry.update(request))
			.satisfies((ex) -> assertThat(ex.messages()).containsExactly(message));
	}

}
