package io.trafficlab.engine.health;

import org.jspecify.annotations.Nullable;

/**
 * kube-proxy's own {@code :10256/healthz} or {@code /livez} answer on one node (R19).
 *
 * @param status 200 or 503
 * @param healthy whether kube-proxy's rule sync is healthy
 * @param nodeEligible whether the node is eligible ({@code /healthz} only; {@code null}
 * for {@code /livez})
 */
public record ProxyHealth(int status, boolean healthy, @Nullable Boolean nodeEligible) {

}
