package io.trafficlab.engine.balancer;

import org.jspecify.annotations.Nullable;

/**
 * What the cloud LB's probe finds on one node.
 *
 * @param passing whether the probe passes (HTTP 200)
 * @param weight the {@code X-Load-Balancing-Endpoint-Weight} header, {@code null} when
 * the probed endpoint sends none
 */
public record NodeProbe(boolean passing, @Nullable Integer weight) {

	private static final NodeProbe PASSING = new NodeProbe(true, null);

	private static final NodeProbe FAILING = new NodeProbe(false, null);

	/** A probe without a weight header: one shared instance per outcome. */
	public static NodeProbe of(boolean passing) {
		return passing ? PASSING : FAILING;
	}

}
