package io.trafficlab.engine.rules;

import java.util.List;

/**
 * One chain as the proxier writes it.
 *
 * @param table {@code nat} or {@code filter} (iptables), {@code kube-proxy} (nftables)
 * @param name the chain's name ({@code KUBE-SVL-…}, {@code service-…})
 * @param rules its rules in order, each as the line that adds it appears in the text
 * ({@code -A KUBE-SERVICES …}, {@code add rule ip kube-proxy services …})
 */
public record RuleChain(String table, String name, List<String> rules) {

	public RuleChain {
		rules = List.copyOf(rules);
	}

}
