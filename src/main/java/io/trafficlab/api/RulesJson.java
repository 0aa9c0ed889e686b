package io.trafficlab.api;

import java.util.List;

import io.trafficlab.engine.rules.NodeRules;
import io.trafficlab.engine.rules.RuleChain;

/**
 * The {@code POST /api/v1/rules} response under {@code Accept: application/json}.
 *
 * @param mode {@code iptables} or {@code nftables}
 * @param node the node whose kube-proxy writes the rules
 * @param chains the chains in the text's order, each with its rules as the text spells
 * them
 */
record RulesJson(String mode, String node, List<ChainJson> chains) {

	static RulesJson of(NodeRules rules) {
		return new RulesJson(rules.mode().apiName(), rules.node(), MappedList.of(rules.chains(), ChainJson::of));
	}

	/**
	 * One chain.
	 *
	 * @param table {@code filter} or {@code nat} (iptables), {@code kube-proxy}
	 * (nftables)
	 * @param name its name
	 * @param rules its rules
	 */
	record ChainJson(String table, String name, List<String> rules) {

		static ChainJson of(RuleChain chain) {
			return new ChainJson(chain.table(), chain.name(), chain.rules());
		}

	}

}
