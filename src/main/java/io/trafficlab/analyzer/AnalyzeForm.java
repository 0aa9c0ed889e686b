package io.trafficlab.analyzer;

import io.trafficlab.engine.balancer.LoadBalancerModel;
import org.jspecify.annotations.Nullable;

/**
 * What the analyze form sends.
 *
 * @param manifests the pasted manifests
 * @param lb the load balancer model's spelling ({@code even}, {@code weighted})
 * @param clientIp the external client's address
 */
record AnalyzeForm(@Nullable String manifests, @Nullable String lb, @Nullable String clientIp) {

	static final String DEFAULT_LB = LoadBalancerModel.EVEN.apiName();

	static AnalyzeForm withManifests(String manifests) {
		return new AnalyzeForm(manifests, null, null);
	}

	public String manifestsText() {
		return (this.manifests != null) ? this.manifests : "";
	}

	public String lbOrDefault() {
		return (this.lb == null || this.lb.isBlank()) ? DEFAULT_LB : this.lb;
	}

	public String clientIpText() {
		return (this.clientIp != null) ? this.clientIp.strip() : "";
	}

}
