package io.trafficlab.engine.health;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.model.ServiceRef;

/**
 * The answer of a Service's {@code healthCheckNodePort} when Cilium's kube-proxy
 * replacement serves it ({@code pkg/loadbalancer/healthserver/healthserver.go}
 * {@code ServeHTTP}, {@code EnableHealthCheckNodePort} on by default): 200 iff the node
 * has an Active backend (no condition on the agent's health), the same three headers as
 * kube-proxy's (the weight also on a 503), and compact JSON written by Go's
 * {@code json.Encoder}, so followed by a newline and without {@code serviceProxyHealthy}:
 * {@code {"service":{"namespace":"default","name":"web"},"localEndpoints":3}\n}.
 */
public final class CiliumHealthCheck {

	private CiliumHealthCheck() {
	}

	/**
	 * The answer on a node with {@code localEndpoints} Active backends (ready, not
	 * terminating; {@code getLocalEndpointCount} also counts backends without a node
	 * name).
	 */
	public static HealthCheckResponse respond(Service service, int localEndpoints) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put(ServiceHealthCheck.CONTENT_TYPE, "application/json");
		headers.put(ServiceHealthCheck.CONTENT_TYPE_OPTIONS, "nosniff");
		headers.put(ServiceHealthCheck.WEIGHT_HEADER, Integer.toString(localEndpoints));
		return new HealthCheckResponse((localEndpoints > 0) ? 200 : 503, Collections.unmodifiableMap(headers),
				body(service.ref(), localEndpoints));
	}

	static String body(ServiceRef service, int localEndpoints) {
		return "{\"service\":{\"namespace\":" + jsonString(service.namespace()) + ",\"name\":"
				+ jsonString(service.name()) + "},\"localEndpoints\":" + localEndpoints + "}\n";
	}

	/**
	 * A JSON string as Go's encoder writes it (HTML escaping on: {@code <}, {@code >},
	 * {@code &} as {@code \u003c} etc.). Object names never need more, but a manifest may
	 * hold anything.
	 */
	private static String jsonString(String text) {
		StringBuilder out = new StringBuilder(text.length() + 2).append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}

}
