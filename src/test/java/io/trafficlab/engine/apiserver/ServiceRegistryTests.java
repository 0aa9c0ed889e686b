package io.trafficlab.engine.apiserver;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.model.ServiceType;
import io.trafficlab.engine.model.SessionAffinity;
import io.trafficlab.engine.model.TrafficPolicy;
import io.trafficlab.engine.net.Ipv4;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ServiceRegistry}: defaults (R21) and allocation on create (R23).
 */
class ServiceRegistryTests {

	private final ServiceRegistry registry = new ServiceRegistry();

	@Test
	void createWhenTypeMissingShouldDefaultToClusterIpWithoutExternalPolicy() {
		Service service = this.registry.create(web(null).build());
		assertThat(service.type()).isEqualTo(ServiceType.CLUSTER_IP);
		assertThat(service.externalTrafficPolicy()).isNull();
		assertThat(service.internalTrafficPolicy()).isEqualTo(TrafficPolicy.CLUSTER);
		assertThat(service.sessionAffinity()).isEqualTo(SessionAffinity.NONE);
		assertThat(service.sessionAffinityTimeoutSeconds()).isZero();
		assertThat(service.healthCheckNodePort()).isZero();
		assertThat(service.primaryPort().nodePort()).isZero();
		assertThat(service.primaryPort().protocol()).isEqualTo("TCP");
		assertThat(service.loadBalancerIps()).isEmpty();
	}

	@Test
	void createWhenClientIpAffinityWithoutTimeoutShouldDefaultToThreeHours() {
		Service service = this.registry.create(web(null).sessionAffinity("ClientIP").build());
		assertThat(service.sessionAffinity()).isEqualTo(SessionAffinity.CLIENT_IP);
		assertThat(service.sessionAffinityTimeoutSeconds()).isEqualTo(10800);
	}

	@Test
	void createWhenTargetPortMissingShouldDefaultToPort() {
		Service service = this.registry
			.create(web(null).ports(List.of(new DeclaredServicePort(null, null, 80, null, null))).build());
		assertThat(service.primaryPort().targetPort()).isEqualTo("80");
	}

	@Test
	void createWhenLoadBalancerShouldDefaultToClusterPolicyAndAllocate() {
		Service service = this.registry.create(web("LoadBalancer").build());
		assertThat(service.externalTrafficPolicy()).isEqualTo(TrafficPolicy.CLUSTER);
		assertThat(service.primaryPort().nodePort()).isBetween(30000, 32767);
		assertThat(service.healthCheckNodePort()).isZero();
		assertThat(service.loadBalancerIps()).containsExactly("198.51.100.10");
		long clusterIp = Ipv4.parse(service.clusterIp());
		assertThat(clusterIp).isBetween(Ipv4.parse("10.96.1.1"), Ipv4.parse("10.111.255.254"));
	}

	@Test
	void createWhenClusterIpHasExternalIpsShouldDefaultExternalPolicyAndAcceptLocal() {
		Service service = this.registry
			.create(web(null).externalIps(List.of("203.0.113.50")).externalTrafficPolicy("Local").build());
		assertThat(service.externallyAccessible()).isTrue();
		assertThat(service.externalTrafficPolicy()).isEqualTo(TrafficPolicy.LOCAL);
		Service other = this.registry.create(DeclaredService.builder("default", "other")
			.port(DeclaredServicePort.tcp(80, 80))
			.externalIps(List.of("203.0.113.51"))
			.build());
		assertThat(other.externalTrafficPolicy()).isEqualTo(TrafficPolicy.CLUSTER);
	}

	@Test
	void createWhenLoadBalancerLocalShouldAllocateHealthCheckNodePort() {
		Service service = this.registry.create(web("LoadBalancer").externalTrafficPolicy("Local").build());
		assertThat(service.needsHealthCheck()).isTrue();
		assertThat(service.healthCheckNodePort()).isBetween(30000, 32767)
			.isNotEqualTo(service.primaryPort().nodePort());
	}

	@Test
	void createWhenNodePortLocalShouldNotAllocateHealthCheckNodePort() {
		Service service = this.registry.create(web("NodePort").externalTrafficPolicy("Local").build());
		assertThat(service.externalTrafficPolicy()).isEqualTo(TrafficPolicy.LOCAL);
		assertThat(service.healthCheckNodePort()).isZero();
		assertThat(service.loadBalancerIps()).isEmpty();
	}

	@Test
	void createWhenNodePortAllocationDisabledShouldStillAllocateHealthCheckNodePort() {
		Service service = this.registry
			.create(web("LoadBalancer").externalTrafficPolicy("Local").allocateLoadBalancerNodePorts(false).build());
		assertThat(service.primaryPort().nodePort()).isZero();
		assertThat(service.healthCheckNodePort()).isBetween(30000, 32767);
	}

	@Test
	void createWhenPortsRequestedShouldKeepThem() {
		Service service = this.registry.create(web("LoadBalancer").externalTrafficPolicy("Local")
			.ports(List.of(DeclaredServicePort.tcp(80, 8080).withNodePort(30080)))
			.healthCheckNodePort(32000)
			.build());
		assertThat(service.primaryPort().nodePort()).isEqualTo(30080);
		assertThat(service.healthCheckNodePort()).isEqualTo(32000);
	}

	@Test
	void createWhenTwoPortsShareServicePortShouldShareNodePort() {
		Service service = this.registry
			.create(web("NodePort").ports(List.of(new DeclaredServicePort("dns", "UDP", 53, null, null),
					new DeclaredServicePort("dns-tcp", "TCP", 53, null, null)))
				.build());
		assertThat(service.ports().get(0).nodePort()).isEqualTo(service.ports().get(1).nodePort()).isNotZero();
	}

	@Test
	void createWhenRepeatedShouldGiveTheSameAddressesAndPorts() {
		Service first = new ServiceRegistry().create(web("LoadBalancer").externalTrafficPolicy("Local").build());
		Service second = new ServiceRegistry().create(web("LoadBalancer").externalTrafficPolicy("Local").build());
		assertThat(second).isEqualTo(first);
	}

	@Test
	void createAllWhenLaterServiceRequestsAPortShouldNotHandItOutBefore() {
		int usual = new ServiceRegistry().create(web("NodePort").build()).primaryPort().nodePort();
		DeclaredService api = DeclaredService.builder("default", "api")
			.type("NodePort")
			.port(DeclaredServicePort.tcp(80, 8080).withNodePort(usual))
			.build();
		List<Service> created = this.registry.createAll(List.of(web("NodePort").build(), api));
		assertThat(created.get(0).primaryPort().nodePort()).isNotEqualTo(usual);
		assertThat(created.get(1).primaryPort().nodePort()).isEqualTo(usual);
	}

	@Test
	void createWhenLoadBalancerStatusHasIpsShouldKeepOnlyVipOnes() {
		Service service = this.registry.create(
				web("LoadBalancer").loadBalancerIngress(List.of(new LoadBalancerIngress("198.51.100.20", null, null),
						new LoadBalancerIngress("198.51.100.21", null, "Proxy"),
						new LoadBalancerIngress("198.51.100.22", null, "VIP"),
						new LoadBalancerIngress(null, "lb.example.com", null)))
					.build());
		assertThat(service.loadBalancerIps()).containsExactly("198.51.100.20", "198.51.100.22");
	}

	@Test
	void createAllWhenCloudAssignsIpsShouldSkipIpsOtherServicesShow() {
		DeclaredService shown = DeclaredService.builder("default", "shown")
			.type("LoadBalancer")
			.port(DeclaredServicePort.tcp(80, 80))
			.loadBalancerIngress(List.of(LoadBalancerIngress.vip("198.51.100.10")))
			.build();
		DeclaredService other = DeclaredService.builder("default", "other")
			.type("LoadBalancer")
			.port(DeclaredServicePort.tcp(80, 80))
			.build();
		List<Service> created = this.registry.createAll(List.of(web("LoadBalancer").build(), shown, other));
		assertThat(created).extracting(Service::loadBalancerIps)
			.containsExactly(List.of("198.51.100.11"), List.of("198.51.100.10"), List.of("198.51.100.12"));
	}

	@Test
	void createWhenNotLoadBalancerShouldDropStatus() {
		Service service = this.registry
			.create(web("NodePort").loadBalancerIngress(List.of(LoadBalancerIngress.vip("198.51.100.20"))).build());
		assertThat(service.loadBalancerIps()).isEmpty();
	}

	@Test
	void createWhenClusterIpRequestedShouldKeepItEvenOutsideTheServiceRange() {
		Service service = this.registry.create(web(null).clusterIp("10.100.23.4").build());
		assertThat(service.clusterIp()).isEqualTo("10.100.23.4");
	}

	@Test
	void createWhenNameTakenShouldSayAlreadyExists() {
		this.registry.create(web(null).build());
		DeclaredService again = web(null).build();
		assertThatExceptionOfType(InvalidObjectException.class).isThrownBy(() -> this.registry.create(again))
			.satisfies((ex) -> assertThat(ex.messages()).containsExactly("services \"web\" already exists"));
	}

	@Test
	void createWhenRejectedShouldChangeNothing() {
		DeclaredService bad = web("LoadBalancer").ports(List.of(DeclaredServicePort.tcp(80, 8080).withNodePort(30080)))
			.externalTrafficPolicy("Foo")
			.build();
		assertThatExceptionOfType(InvalidObjectException.class).isThrownBy(() -> this.registry.create(bad));
		Service good = this.registry
			.create(web("LoadBalancer").ports(List.of(DeclaredServicePort.tcp(80, 8080).withNodePort(30080))).build());
		assertThat(good.primaryPort().nodePort()).isEqualTo(30080);
		assertThat(good.loadBalancerIps()).containsExactly("198.51.100.10");
		assertThat(this.registry.services()).hasSize(1);
	}

	@Test
	void createAllWhenManyRejectedShouldListEachMessageOnceAndCountTheRest() {
		List<DeclaredService> requests = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			requests.add(DeclaredService.builder("default", "s" + i).build());
		}
		assertThatExceptionOfType(InvalidObjectException.class).isThrownBy(() -> this.registry.createAll(requests))
			.satisfies((ex) -> {
				assertThat(ex.messages()).hasSize(21)
					.startsWith("Service \"s0\" is invalid: spec.ports: Required value");
				assertThat(ex.messages().get(20)).isEqualTo("... and 10 more rejected Service(s)");
			});
	}

	@Test
	void ofWhenRestoringServicesShouldReserveTheirPorts() {
		Service stored = this.registry.create(web("LoadBalancer").externalTrafficPolicy("Local").build());
		ServiceRegistry restored = ServiceRegistry.of(List.of(stored));
		DeclaredService clash = DeclaredService.builder("default", "api")
			.type("NodePort")
			.port(DeclaredServicePort.tcp(80, 80).withNodePort(stored.healthCheckNodePort()))
			.build();
		assertThatExceptionOfType(InvalidObjectException.class).isThrownBy(() -> restored.create(clash))
			.withMessage("Service \"api\" is invalid: spec.ports[0].nodePort: Invalid value: "
					+ stored.healthCheckNodePort() + ": provided port is already allocated");
		assertThat(restored.services()).containsExactly(stored);
	}

	static DeclaredService.Builder web(String type) {
		return DeclaredService.builder("default", "web")
			.type(type)
			.selector(Map.of("app", "web"))
			.ports(List.of(DeclaredServicePort.tcp(80, 8080)));
	}

}
