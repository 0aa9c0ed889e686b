package io.trafficlab.engine.proxy;

import io.trafficlab.engine.endpoint.EndpointSet;
import org.jspecify.annotations.Nullable;

/**
 * What a node's kube-proxy does with one new connection.
 *
 * @param verdict DNAT, DROP or REJECT
 * @param decision the rule that decided it
 * @param endpoints the candidate endpoints for DNAT (one is picked uniformly per
 * connection), {@code null} otherwise
 * @param masquerade whether the packet is marked for SNAT by the Service's rules (hairpin
 * SNAT not included)
 */
public record Route(Verdict verdict, Decision decision, @Nullable EndpointSet endpoints, boolean masquerade) {

	static Route drop(Decision decision) {
		return new Route(Verdict.DROP, decision, null, false);
	}

	static Route reject() {
		return new Route(Verdict.REJECT, Decision.REJECT_NO_ENDPOINTS, null, false);
	}

	static Route dnat(Decision decision, EndpointSet endpoints, boolean masquerade) {
		return new Route(Verdict.DNAT, decision, endpoints, masquerade);
	}

}
