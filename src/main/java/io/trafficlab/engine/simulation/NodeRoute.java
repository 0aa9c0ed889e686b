package io.trafficlab.engine.simulation;

import io.trafficlab.engine.model.TrafficPolicy;
import io.trafficlab.engine.proxy.Decision;
import io.trafficlab.engine.proxy.Verdict;
import org.jspecify.annotations.Nullable;

/**
 * What one node's programmed rules do with a new external connection from one client: the
 * {@link io.trafficlab.engine.proxy.ProxyRules} route, with the candidate endpoints
 * resolved to pod slots once per sync so that routing a connection is an array look-up.
 */
final class NodeRoute {

	final Verdict verdict;

	final Decision decision;

	/** The candidates' pod slots, in the Service's endpoint order (empty unless DNAT). */
	final int[] pods;

	/** Whether the Service's rules SNAT the packet (R8). */
	final boolean masquerade;

	/** Whether the set fell back to serving-terminating endpoints (R3, R4). */
	final boolean terminatingFallback;

	/**
	 * The set the candidates come from: kube-proxy's Local or Cluster set; {@code null}
	 * when the Service has no external destination.
	 */
	final @Nullable TrafficPolicy set;

	NodeRoute(Verdict verdict, Decision decision, int[] pods, boolean masquerade, boolean terminatingFallback,
			@Nullable TrafficPolicy set) {
		this.verdict = verdict;
		this.decision = decision;
		this.pods = pods;
		this.masquerade = masquerade;
		this.terminatingFallback = terminatingFallback;
		this.set = set;
	}

}
