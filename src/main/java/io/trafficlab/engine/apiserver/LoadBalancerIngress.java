package io.trafficlab.engine.apiserver;

import org.jspecify.annotations.Nullable;

/**
 * One entry of a Service's {@code status.loadBalancer.ingress}.
 *
 * @param ip the ingress IP, or {@code null} (some clouds give only a hostname)
 * @param hostname the ingress hostname, or {@code null}
 * @param ipMode {@code VIP} (the default when missing) or {@code Proxy}; kube-proxy
 * programs only VIP IPs (R8)
 */
public record LoadBalancerIngress(@Nullable String ip, @Nullable String hostname, @Nullable String ipMode) {

	/** A VIP-mode ingress IP, as the sandbox's cloud assigns it. */
	public static LoadBalancerIngress vip(String ip) {
		return new LoadBalancerIngress(ip, null, null);
	}

	/**
	 * Whether kube-proxy programs this IP: it has an IP and its mode is VIP (or unset).
	 */
	public boolean programmedByKubeProxy() {
		return this.ip != null && (this.ipMode == null || "VIP".equals(this.ipMode));
	}

}
