package io.trafficlab.engine.cluster;

import java.util.List;

import io.trafficlab.engine.apiserver.DeclaredService;
import io.trafficlab.engine.model.ServiceType;
import io.trafficlab.engine.model.TrafficPolicy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ClusterDeclaration}: a lesson step's or a challenge's start policy.
 */
class ClusterDeclarationTests {

	private static final ClusterDeclaration DECLARED = new ClusterDeclaration(
			List.of(), List.of(service("lb", ServiceType.LOAD_BALANCER, 32000),
					service("np", ServiceType.NODE_PORT, null), service("internal", ServiceType.CLUSTER_IP, null)),
			List.of(), List.of(), List.of());

	@Test
	void withExternalTrafficPolicyWhenClusterShouldSwitchExternalServicesAndDropTheHealthCheckPort() {
		List<DeclaredService> services = DECLARED.withExternalTrafficPolicy(TrafficPolicy.CLUSTER).services();
		assertThat(services).extracting(DeclaredService::externalTrafficPolicy)
			.containsExactly("Cluster", "Cluster", null);
		assertThat(services.get(0).healthCheckNodePort()).isNull();
	}

	@Test
	void withExternalTrafficPolicyWhenLocalShouldKeepTheHealthCheckPort() {
		List<DeclaredService> services = DECLARED.withExternalTrafficPolicy(TrafficPolicy.LOCAL).services();
		assertThat(services).extracting(DeclaredService::externalTrafficPolicy).containsExactly("Local", "Local", null);
		assertThat(services.get(0).healthCheckNodePort()).isEqualTo(32000);
	}

	private static DeclaredService service(String name, ServiceType type, Integer healthCheckNodePort) {
		return DeclaredService.builder("default", name)
			.type(type.apiName())
			.healthCheckNodePort(healthCheckNodePort)
			.build();
	}

}
