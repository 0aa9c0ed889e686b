package io.trafficlab.engine.rules.iptables;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.trafficlab.engine.rules.RuleChain;

/**
 * One table ({@code filter} or {@code nat}) as the proxier fills it: declared chains and
 * their rules, each chain's rules in the order written. Rendered in the order upstream's
 * golden tests compare ({@code sortIPTablesRules}): {@code KUBE-NODEPORTS}, then
 * {@code KUBE-SERVICES}, then every other chain alphabetically.
 */
final class IptablesTable {

	static final String NODE_PORTS = "KUBE-NODEPORTS";

	static final String SERVICES = "KUBE-SERVICES";

	private final String name;

	private final Map<String, List<String>> chains = new HashMap<>();

	IptablesTable(String name) {
		this.name = name;
	}

	String name() {
		return this.name;
	}

	/** {@code :CHAIN - [0:0]}: the chain exists (and is flushed) even without rules. */
	void declare(String chain) {
		this.chains.computeIfAbsent(chain, (key) -> new ArrayList<>());
	}

	/** {@code -A CHAIN spec}. */
	void append(String chain, String spec) {
		this.chains.computeIfAbsent(chain, (key) -> new ArrayList<>()).add("-A " + chain + " " + spec);
	}

	/** The chains in golden-test order, each with its rules. */
	List<RuleChain> chains() {
		List<String> names = new ArrayList<>(this.chains.keySet());
		names.sort(IptablesTable::compareChains);
		List<RuleChain> result = new ArrayList<>(names.size());
		for (String chain : names) {
			result.add(new RuleChain(this.name, chain, this.chains.get(chain)));
		}
		return result;
	}

	/** {@code *table}, the declarations, the rules, {@code COMMIT}. */
	static void render(String table, List<RuleChain> chains, StringBuilder text) {
		text.append('*').append(table).append('\n');
		for (RuleChain chain : chains) {
			text.append(':').append(chain.name()).append(" - [0:0]\n");
		}
		for (RuleChain chain : chains) {
			for (String rule : chain.rules()) {
				text.append(rule).append('\n');
			}
		}
		text.append("COMMIT\n");
	}

	private static int compareChains(String a, String b) {
		int rank = Integer.compare(rank(a), rank(b));
		return (rank != 0) ? rank : a.compareTo(b);
	}

	private static int rank(String chain) {
		if (chain.equals(NODE_PORTS)) {
			return 0;
		}
		if (chain.equals(SERVICES)) {
			return 1;
		}
		return chain.startsWith("KUBE-") ? 2 : 3;
	}

}
