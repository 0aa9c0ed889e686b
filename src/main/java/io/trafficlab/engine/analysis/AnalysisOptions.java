package io.trafficlab.engine.analysis;

import java.util.Set;

import io.trafficlab.engine.balancer.LoadBalancerModel;
import org.jspecify.annotations.Nullable;

/**
 * What to analyze.
 *
 * @param loadBalancer how the cloud LB spreads connections over passing nodes
 * @param clientIp the external client's address
 * @param onlyNodes list only these nodes in {@link ServiceAnalysis#nodes()}, or
 * {@code null} for all
 */
public record AnalysisOptions(LoadBalancerModel loadBalancer, String clientIp, @Nullable Set<String> onlyNodes) {

	public static final String DEFAULT_CLIENT_IP = "203.0.113.10";

	public static AnalysisOptions defaults() {
		return new AnalysisOptions(LoadBalancerModel.EVEN, DEFAULT_CLIENT_IP, null);
	}

}
