package io.trafficlab.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

import io.trafficlab.engine.balancer.LoadBalancerModel;
import io.trafficlab.engine.model.SessionAffinity;
import io.trafficlab.engine.model.TrafficPolicy;

/**
 * The fixed choices of the sandbox commands' query parameters, spelled as Kubernetes and
 * {@code /api/v1/analyze} spell them. Every refusal names the parameter and the values
 * allowed.
 */
final class CommandParameters {

	static final Map<String, TrafficPolicy> TRAFFIC_POLICIES = choices(TrafficPolicy.values(), TrafficPolicy::apiName);

	static final Map<String, SessionAffinity> SESSION_AFFINITIES = choices(SessionAffinity.values(),
			SessionAffinity::apiName);

	static final Map<String, LoadBalancerModel> LOAD_BALANCER_MODELS = Map.of("even", LoadBalancerModel.EVEN,
			"weighted", LoadBalancerModel.WEIGHTED);

	private CommandParameters() {
	}

	static <T> T oneOf(String name, String value, Map<String, T> choices) {
		T choice = choices.get(value);
		if (choice == null) {
			throw SandboxRequestException.badValue("Query parameter '" + name + "' must be one of: "
					+ String.join(", ", choices.keySet().stream().sorted().toList()) + " (got \"" + value + "\").");
		}
		return choice;
	}

	private static <T> Map<String, T> choices(T[] values, java.util.function.Function<T, String> name) {
		Map<String, T> choices = new LinkedHashMap<>();
		for (T value : values) {
			choices.put(name.apply(value), value);
		}
		return Map.copyOf(choices);
	}

}
