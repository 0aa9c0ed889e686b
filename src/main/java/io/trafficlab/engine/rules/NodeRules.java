package io.trafficlab.engine.rules;

import io.trafficlab.engine.proxy.ProxyMode;
import java.util.List;

/**
 * What one node's kube-proxy writes.
 *
 * @param mode the proxier
 * @param node the node's name
 * @param chains the chains in the order the text declares them
 * @param text the whole text, exactly as the proxier hands it to {@code iptables-restore}
 * or {@code nft}
 */
public record NodeRules(ProxyMode mode, String node, List<RuleChain> chains, String text) {

	public NodeRules {
		chains = List.copyOf(chains);
	}

}
