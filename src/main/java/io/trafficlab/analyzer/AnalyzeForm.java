package io.trafficlab.analyzer;

import io.trafficlab.engine.balancer.Dataplane;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.balancer.LoadBalancerModel;
import io.trafficlab.engine.net.NetworkModel;
import org.jspecify.annotations.Nullable;

/**
 * What the analyze form sends.
 *
 * @param manifests the pasted manifests
 * @param lb the {@code generic} load balancer's spreading ({@code even},
 * {@code weighted}); the form sends it only for {@code generic}
 * @param clientIp the external client's address
 * @param loadBalancer the catalogue id of the load balancer in front of the cluster
 * @param dataplane the catalogue id of what proxies Service traffic on the nodes
 * @param network the pod network, which decides the address kube-proxy's SNAT gives
 */
record AnalyzeForm(@Nullable String manifests, @Nullable String lb, @Nullable String clientIp,
		@Nullable String loadBalancer, @Nullable String dataplane, @Nullable String network) {

	static final String DEFAULT_LB = LoadBalancerModel.EVEN.apiName();

	static final String DEFAULT_LOAD_BALANCER = LoadBalancerKind.GENERIC.apiName();

	static final String DEFAULT_DATAPLANE = Dataplane.KUBE_PROXY.apiName();

	static final String DEFAULT_NETWORK = NetworkModel.DEFAULT.apiName();

	static AnalyzeForm withManifests(String manifests) {
		return new AnalyzeForm(manifests, null, null, null, null, null);
	}

	AnalyzeForm withChoices(@Nullable String newLb, @Nullable String newClientIp, @Nullable String newLoadBalancer,
			@Nullable String newDataplane, @Nullable String newNetwork) {
		return new AnalyzeForm(this.manifests, newLb, newClientIp, newLoadBalancer, newDataplane, newNetwork);
	}

	public String manifestsText() {
		return (this.manifests != null) ? this.manifests : "";
	}

	public String lbOrDefault() {
		return blank(this.lb) ? DEFAULT_LB : this.lb;
	}

	public boolean lbGiven() {
		return !blank(this.lb);
	}

	public String clientIpText() {
		return (this.clientIp != null) ? this.clientIp.strip() : "";
	}

	public String loadBalancerOrDefault() {
		return blank(this.loadBalancer) ? DEFAULT_LOAD_BALANCER : this.loadBalancer;
	}

	public String dataplaneOrDefault() {
		return blank(this.dataplane) ? DEFAULT_DATAPLANE : this.dataplane;
	}

	public String networkOrDefault() {
		return blank(this.network) ? DEFAULT_NETWORK : this.network;
	}

	/** Whether the even/weighted choice applies: only to the generic load balancer. */
	public boolean genericLoadBalancer() {
		return DEFAULT_LOAD_BALANCER.equals(loadBalancerOrDefault());
	}

	private static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}

}
