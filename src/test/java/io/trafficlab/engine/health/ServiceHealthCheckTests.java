package io.trafficlab.engine.health;

import java.util.List;

import io.trafficlab.engine.model.Endpoint;
import io.trafficlab.engine.model.Node;
import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.model.ServiceRef;
import io.trafficlab.engine.model.ServiceType;
import io.trafficlab.engine.model.TrafficPolicy;
import org.junit.jupiter.api.Test;

import static io.trafficlab.engine.endpoint.ClusterFixtures.endpoint;
import static io.trafficlab.engine.endpoint.ClusterFixtures.layout;
import static io.trafficlab.engine.endpoint.ClusterFixtures.node;
import static io.trafficlab.engine.endpoint.ClusterFixtures.service;
import static io.trafficlab.engine.endpoint.ClusterFixtures.web;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ServiceHealthCheck}: the exact bytes of the healthCheckNodePort answer
 * (R16–R18).
 */
class ServiceHealthCheckTests {

	private final Service web = web(TrafficPolicy.LOCAL).build();

	@Test
	void respondWhenLocalEndpointsShouldAnswer200WithTabIndentedBody() {
		HealthCheckResponse response = ServiceHealthCheck.respond(this.web, layout(3, 1, 0), node(1).build());
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("{\n\t\"service\": {\n\t\t\"namespace\": \"default\",\n\t\t\"name\": "
				+ "\"web\"\n\t},\n\t\"localEndpoints\": 3,\n\t\"serviceProxyHealthy\": true\n}");
		assertThat(response.body()).doesNotEndWith("\n");
	}

	@Test
	void respondShouldSendTheThreeHeadersInOrder() {
		HealthCheckResponse response = ServiceHealthCheck.respond(this.web, layout(3, 1, 0), node(1).build());
		assertThat(response.headers()).containsExactly(
				org.assertj.core.api.Assertions.entry("Content-Type", "application/json"),
				org.assertj.core.api.Assertions.entry("X-Content-Type-Options", "nosniff"),
				org.assertj.core.api.Assertions.entry("X-Load-Balancing-Endpoint-Weight", "3"));
	}

	@Test
	void respondWhenNoLocalEndpointShouldAnswer503WithWeightZero() {
		HealthCheckResponse response = ServiceHealthCheck.respond(this.web, layout(3, 1, 0), node(3).build());
		assertThat(response.status()).isEqualTo(503);
		assertThat(response.headers()).containsEntry("X-Load-Balancing-Endpoint-Weight", "0")
			.containsEntry("Content-Type", "application/json")
			.containsEntry("X-Content-Type-Options", "nosniff");
		assertThat(response.body()).isEqualTo("{\n\t\"service\": {\n\t\t\"namespace\": \"default\",\n\t\t\"name\": "
				+ "\"web\"\n\t},\n\t\"localEndpoints\": 0,\n\t\"serviceProxyHealthy\": true\n}");
	}

	@Test
	void respondWhenOnlyTerminatingEndpointsShouldAnswer503() {
		List<Endpoint> endpoints = List.of(endpoint("10.244.2.10", "n2").servingTerminating().build());
		HealthCheckResponse response = ServiceHealthCheck.respond(this.web, endpoints, node(2).build());
		assertThat(response.status()).isEqualTo(503);
		assertThat(response.headers()).containsEntry("X-Load-Balancing-Endpoint-Weight", "0");
	}

	@Test
	void respondShouldCountDistinctReadyIps() {
		List<Endpoint> endpoints = List.of(endpoint("10.244.1.10", "n1").build(), endpoint("10.244.1.10", "n1").build(),
				endpoint("10.244.1.11", "n1").servingTerminating().build(),
				endpoint("10.244.1.12", "n1").notReady().build(), endpoint("10.244.2.10", "n2").build());
		HealthCheckResponse response = ServiceHealthCheck.respond(this.web, endpoints, node(1).build());
		assertThat(response.headers()).containsEntry("X-Load-Balancing-Endpoint-Weight", "1");
		assertThat(response.body()).contains("\"localEndpoints\": 1,");
	}

	@Test
	void respondWhenProxyUnhealthyShouldAnswer503WithLocalEndpoints() {
		HealthCheckResponse response = ServiceHealthCheck.respond(this.web, layout(2),
				node(1).proxyUnhealthy().build());
		assertThat(response.status()).isEqualTo(503);
		assertThat(response.headers()).containsEntry("X-Load-Balancing-Endpoint-Weight", "2");
		assertThat(response.body()).endsWith("\t\"localEndpoints\": 2,\n\t\"serviceProxyHealthy\": false\n}");
	}

	@Test
	void respondWhenNodeIsBeingDeletedShouldStillAnswer200() {
		Node draining = node(1).deleting().toBeDeleted().build();
		assertThat(ServiceHealthCheck.respond(this.web, layout(1), draining).status()).isEqualTo(200);
	}

	@Test
	void respondWhenClusterPolicyShouldBeNull() {
		assertThat(ServiceHealthCheck.respond(web(TrafficPolicy.CLUSTER).build(), layout(1), node(1).build())).isNull();
	}

	@Test
	void respondWhenNodePortWithLocalPolicyShouldBeNull() {
		Service nodePort = service("default", "web").type(ServiceType.NODE_PORT)
			.externalTrafficPolicy(TrafficPolicy.LOCAL)
			.healthCheckNodePort(32000)
			.build();
		assertThat(ServiceHealthCheck.respond(nodePort, layout(1), node(1).build())).isNull();
	}

	@Test
	void respondWhenHealthCheckNodePortIsZeroShouldBeNull() {
		Service noPort = web(TrafficPolicy.LOCAL).healthCheckNodePort(0).build();
		assertThat(ServiceHealthCheck.respond(noPort, layout(1), node(1).build())).isNull();
	}

	@Test
	void bodyShouldQuoteNamesAsGoDoes() {
		String body = ServiceHealthCheck.body(new ServiceRef("we\"ird\\ns", "tab\tnew\nline\u0001\u00e9\u00a0"), 1,
				true);
		assertThat(body).contains("\"namespace\": \"we\\\"ird\\\\ns\",")
			.contains("\"name\": \"tab\\tnew\\nline\\x01\u00e9\\u00a0\"\n");
	}

	@Test
	void goQuoteShouldUseShortEscapesAndHexForControlCharacters() {
		assertThat(GoQuote.quote("\u0007\b\f\r\u000b\u007f")).isEqualTo("\"\\a\\b\\f\\r\\v\\x7f\"");
		assertThat(GoQuote.quote("\u2028\ud83d\ude00")).isEqualTo("\"\\u2028\ud83d\ude00\"");
		assertThat(GoQuote.quote("web-7d4b9c")).isEqualTo("\"web-7d4b9c\"");
	}

}
