package io.trafficlab.api;

import io.trafficlab.engine.health.ProxyHealth;

/**
 * kube-proxy's {@code :10256/livez} on one node.
 *
 * @param status {@code 200} iff healthy
 * @param healthy whether kube-proxy's rule sync is healthy
 */
record ProxyLivezJson(int status, boolean healthy) {

	static ProxyLivezJson of(ProxyHealth health) {
		return new ProxyLivezJson(health.status(), health.healthy());
	}

}
