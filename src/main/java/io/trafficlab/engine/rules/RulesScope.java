package io.trafficlab.engine.rules;

import io.trafficlab.engine.model.ServiceRef;
import org.jspecify.annotations.Nullable;

/**
 * Which rules to write, and kube-proxy's flags that change them.
 *
 * @param service only this Service's chains plus the shared chains that lead to them;
 * {@code null} for every Service
 * @param clusterCidr the local-traffic detector's CIDR ({@code --cluster-cidr});
 * {@code null} for the default (the smallest CIDR covering every node's pod CIDR, as the
 * packet tracer assumes); {@code "none"} for no detector
 * @param masqueradeAll kube-proxy's {@code --masquerade-all}
 */
public record RulesScope(@Nullable ServiceRef service, @Nullable String clusterCidr, boolean masqueradeAll) {

	/** Every Service, default detector, no {@code --masquerade-all}. */
	public static RulesScope all() {
		return new RulesScope(null, null, false);
	}

}
