package io.trafficlab.engine.health;

import io.trafficlab.engine.model.Node;

/**
 * kube-proxy's own health server on {@code :10256} (R19): {@code /healthz} reports sync
 * health and node eligibility, {@code /livez} sync health only.
 */
public final class ProxyHealthServer {

	private static final ProxyHealth HEALTHZ_OK = new ProxyHealth(200, true, true);

	private static final ProxyHealth HEALTHZ_NOT_ELIGIBLE = new ProxyHealth(503, true, false);

	private static final ProxyHealth HEALTHZ_UNHEALTHY = new ProxyHealth(503, false, true);

	private static final ProxyHealth HEALTHZ_BOTH = new ProxyHealth(503, false, false);

	private static final ProxyHealth LIVEZ_OK = new ProxyHealth(200, true, null);

	private static final ProxyHealth LIVEZ_UNHEALTHY = new ProxyHealth(503, false, null);

	private ProxyHealthServer() {
	}

	/**
	 * {@code /healthz}: 200 iff healthy and the node is eligible (no
	 * {@code deletionTimestamp}, no {@code ToBeDeletedByClusterAutoscaler} taint); a
	 * draining node answers 503 with healthy true.
	 */
	public static ProxyHealth healthz(Node node) {
		boolean healthy = node.proxyHealthy();
		boolean eligible = node.eligible();
		if (healthy) {
			return eligible ? HEALTHZ_OK : HEALTHZ_NOT_ELIGIBLE;
		}
		return eligible ? HEALTHZ_UNHEALTHY : HEALTHZ_BOTH;
	}

	/** {@code /livez}: 200 iff healthy; node eligibility plays no part. */
	public static ProxyHealth livez(Node node) {
		return node.proxyHealthy() ? LIVEZ_OK : LIVEZ_UNHEALTHY;
	}

}
