package io.trafficlab.api;

import java.util.Map;

import io.trafficlab.engine.health.HealthCheckResponse;

/**
 * The exact answer of a node's healthCheckNodePort.
 *
 * @param status {@code 200} or {@code 503}
 * @param headers the three headers, in the order kube-proxy sends them
 * @param body the body, byte for byte (TAB-indented, no trailing newline)
 */
record HealthCheckJson(int status, Map<String, String> headers, String body) {

	static HealthCheckJson of(HealthCheckResponse response) {
		return new HealthCheckJson(response.status(), response.headers(), response.body());
	}

}
