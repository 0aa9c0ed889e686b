package io.trafficlab.api;

import io.trafficlab.engine.health.ProxyHealth;
import org.jspecify.annotations.Nullable;

/**
 * kube-proxy's {@code :10256/healthz} on one node.
 *
 * @param status {@code 200} iff healthy and node-eligible
 * @param healthy whether kube-proxy's rule sync is healthy
 * @param nodeEligible whether the node may receive traffic (not being deleted)
 */
record ProxyHealthzJson(int status, boolean healthy, @Nullable Boolean nodeEligible) {

	static ProxyHealthzJson of(ProxyHealth health) {
		return new ProxyHealthzJson(health.status(), health.healthy(), health.nodeEligible());
	}

}
