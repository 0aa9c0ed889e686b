package io.trafficlab.engine.balancer;

import io.trafficlab.engine.model.Spelled;

/**
 * What proxies Service traffic on the nodes (the API's {@code dataplane}): who answers
 * the {@code healthCheckNodePort}, whether {@code :10256} listens, and the source address
 * a pod sees.
 */
public enum Dataplane implements Spelled {

	/**
	 * kube-proxy (R8–R19): SNAT under {@code Cluster} to the bridge or the InternalIP.
	 */
	KUBE_PROXY,

	/**
	 * Cilium's kube-proxy replacement, {@code loadBalancer.mode=snat} (default): a
	 * backend on the entry node keeps the arrival source, a remote one sees the entry
	 * node's InternalIP.
	 */
	CILIUM_SNAT,

	/**
	 * Cilium with {@code loadBalancer.mode=dsr}: no SNAT; the backend replies straight to
	 * the client, so every backend keeps the arrival source.
	 */
	CILIUM_DSR;

	/** Whether the Cilium agent, not kube-proxy, programs the Service. */
	public boolean cilium() {
		return this != KUBE_PROXY;
	}

	/**
	 * Whether a backend sees the entry node's address rather than the arrival source.
	 * @param kubeProxyMasquerades whether kube-proxy's rules would SNAT the packet (R8:
	 * {@code Cluster})
	 * @param backendOnEntryNode whether the chosen backend runs on the node the packet
	 * entered
	 */
	public boolean rewritesSource(boolean kubeProxyMasquerades, boolean backendOnEntryNode) {
		return switch (this) {
			case KUBE_PROXY -> kubeProxyMasquerades;
			case CILIUM_SNAT -> kubeProxyMasquerades && !backendOnEntryNode;
			case CILIUM_DSR -> false;
		};
	}

}
