package io.trafficlab.analyzer;

import java.util.List;
import java.util.Map;

import io.trafficlab.engine.health.HealthCheckResponse;
import org.jspecify.annotations.Nullable;

/**
 * A node's healthCheckNodePort answer, shown as {@code curl -i} would print it.
 *
 * @param status the status code
 * @param statusLine e.g. {@code 503 Service Unavailable}
 * @param passing whether the status is 200
 * @param headers the headers, in the order they are sent
 * @param weight the {@code X-Load-Balancing-Endpoint-Weight} value, or {@code null}
 * @param body the body with its TABs marked
 * @param endsWithNewline whether the body ends with a newline (kube-proxy's does not)
 * @param host the node address to probe
 * @param port the health-check node port
 */
record HealthCheckView(int status, String statusLine, boolean passing, List<Map.Entry<String, String>> headers,
		@Nullable String weight, List<WhitespaceSegment> body, boolean endsWithNewline, String host, int port) {

	static final String WEIGHT_HEADER = "X-Load-Balancing-Endpoint-Weight";

	static HealthCheckView of(HealthCheckResponse response, String host, int port) {
		return new HealthCheckView(response.status(), HttpStatusLine.of(response.status()), response.status() == 200,
				List.copyOf(response.headers().entrySet()), response.headers().get(WEIGHT_HEADER),
				WhitespaceSegment.split(response.body()), response.body().endsWith("\n"), host, port);
	}

	/** The command that asks a node the same question the cloud load balancer asks. */
	public String curlCommand() {
		String address = this.host.contains(":") ? "[" + this.host + "]" : this.host;
		return "curl -i http://" + address + ":" + this.port + "/healthz";
	}

}
