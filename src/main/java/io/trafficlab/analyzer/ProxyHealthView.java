package io.trafficlab.analyzer;

import io.trafficlab.engine.health.ProxyHealth;
import org.jspecify.annotations.Nullable;

/**
 * kube-proxy's own {@code :10256/healthz} on a node.
 *
 * @param statusLine e.g. {@code 200 OK}
 * @param passing whether the status is 200
 * @param note why it fails, or {@code null}
 */
record ProxyHealthView(String statusLine, boolean passing, @Nullable String note) {

	static ProxyHealthView of(@Nullable ProxyHealth health) {
		if (health == null) {
			return new ProxyHealthView("connection refused", false, "nothing listens on :10256 under Cilium");
		}
		String note = null;
		if (!health.healthy()) {
			note = "rules out of date";
		}
		else if (Boolean.FALSE.equals(health.nodeEligible())) {
			note = "node is being deleted";
		}
		return new ProxyHealthView(HttpStatusLine.of(health.status()), health.status() == 200, note);
	}

}
