package io.trafficlab.engine.rules;

import io.trafficlab.engine.model.Spelled;

/** Which of kube-proxy's proxiers writes the rules ({@code --proxy-mode}). */
public enum RulesMode implements Spelled {

	/** {@code pkg/proxy/iptables}: an {@code iptables-restore} input. */
	IPTABLES("iptables"),

	/** {@code pkg/proxy/nftables}: an {@code nft -f} transaction. */
	NFTABLES("nftables");

	private final String apiName;

	RulesMode(String apiName) {
		this.apiName = apiName;
	}

	@Override
	public String apiName() {
		return this.apiName;
	}

}
