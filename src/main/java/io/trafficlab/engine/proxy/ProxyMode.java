package io.trafficlab.engine.proxy;

import io.trafficlab.engine.model.Spelled;

/**
 * Which of kube-proxy's proxiers programs the node ({@code --proxy-mode}): what rules it
 * writes, and the one place their verdicts differ (R13: the iptables proxier writes no
 * firewall for a Service without endpoints).
 */
public enum ProxyMode implements Spelled {

	/** {@code pkg/proxy/iptables}: an {@code iptables-restore} input. */
	IPTABLES,

	/** {@code pkg/proxy/nftables}: an {@code nft -f} transaction. */
	NFTABLES;

}
