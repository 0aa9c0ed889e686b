package io.trafficlab.engine.health;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.trafficlab.engine.model.Endpoint;
import io.trafficlab.engine.model.Node;
import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.model.ServiceRef;
import org.jspecify.annotations.Nullable;

/**
 * The answer of a Service's {@code healthCheckNodePort} on one node (R16–R18), byte for
 * byte as kube-proxy's handler writes it: the same for every path and method.
 */
public final class ServiceHealthCheck {

	public static final String CONTENT_TYPE = "Content-Type";

	public static final String CONTENT_TYPE_OPTIONS = "X-Content-Type-Options";

	/** The header that carries {@code localEndpoints} (since v1.28), also on a 503. */
	public static final String WEIGHT_HEADER = "X-Load-Balancing-Endpoint-Weight";

	private ServiceHealthCheck() {
	}

	/**
	 * R16: only a LoadBalancer Service with Local external policy and a health-check port
	 * has a server.
	 */
	public static boolean hasHealthCheck(Service service) {
		return service.needsHealthCheck() && service.healthCheckNodePort() != 0;
	}

	/**
	 * The answer on {@code node}, counting the node's Ready endpoints among
	 * {@code endpoints}; {@code null} when the Service has no health-check port.
	 */
	public static @Nullable HealthCheckResponse respond(Service service, List<Endpoint> endpoints, Node node) {
		return respond(service, node, countLocalReadyEndpoints(endpoints, node.name()));
	}

	/**
	 * The answer on {@code node} when it has {@code localEndpoints} distinct Ready local
	 * endpoint IPs; {@code null} when the Service has no health-check port.
	 */
	public static @Nullable HealthCheckResponse respond(Service service, Node node, int localEndpoints) {
		if (!hasHealthCheck(service)) {
			return null;
		}
		// R18: serviceProxyHealthy is kube-proxy's sync health, without node eligibility
		boolean proxyHealthy = node.proxyHealthy();
		int status = (localEndpoints > 0 && proxyHealthy) ? 200 : 503;
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put(CONTENT_TYPE, "application/json");
		headers.put(CONTENT_TYPE_OPTIONS, "nosniff");
		headers.put(WEIGHT_HEADER, Integer.toString(localEndpoints));
		return new HealthCheckResponse(status, Collections.unmodifiableMap(headers),
				body(service.ref(), localEndpoints, proxyHealthy));
	}

	/**
	 * R17: the number of distinct IPs among the node's Ready endpoints;
	 * serving-terminating ones do not count.
	 */
	public static int countLocalReadyEndpoints(List<Endpoint> endpoints, String nodeName) {
		Set<String> ips = new HashSet<>();
		for (Endpoint endpoint : endpoints) {
			if (endpoint.ready() && endpoint.isLocalTo(nodeName)) {
				ips.add(endpoint.ip());
			}
		}
		return ips.size();
	}

	/** R18: TAB-indented, Go-quoted names, no trailing newline. */
	static String body(ServiceRef service, int localEndpoints, boolean serviceProxyHealthy) {
		return "{\n" + "\t\"service\": {\n" + "\t\t\"namespace\": " + GoQuote.quote(service.namespace()) + ",\n"
				+ "\t\t\"name\": " + GoQuote.quote(service.name()) + "\n" + "\t},\n" + "\t\"localEndpoints\": "
				+ localEndpoints + ",\n" + "\t\"serviceProxyHealthy\": " + serviceProxyHealthy + "\n" + "}";
	}

}
