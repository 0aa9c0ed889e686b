package io.trafficlab.engine.rules.iptables;

import java.util.ArrayList;
import java.util.Arrays;
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

	private final Map<String, List<String>> chains;

	/** {@code expectedChains} sizes the table so it need not grow. */
	IptablesTable(String name, int expectedChains) {
		this.name = name;
		this.chains = new HashMap<>(expectedChains * 4 / 3 + 16);
	}

	String name() {
		return this.name;
	}

	/** {@code :CHAIN - [0:0]}: the chain exists (and is flushed) even without rules. */
	void declare(String chain) {
		this.chains.computeIfAbsent(chain, (key) -> new ArrayList<>());
	}

	/** {@link #declare} for a chain of about {@code expectedRules} rules. */
	void declare(String chain, int expectedRules) {
		this.chains.computeIfAbsent(chain, (key) -> new ArrayList<>(expectedRules));
	}

	/**
	 * Declares a chain with all its rules ({@code -A CHAIN …} lines); nothing appends to
	 * it afterwards.
	 */
	void define(String chain, List<String> lines) {
		this.chains.put(chain, lines);
	}

	/** {@code -A CHAIN spec}. */
	void append(String chain, String spec) {
		add(chain, "-A " + chain + " " + spec);
	}

	/** A whole {@code -A CHAIN …} line, built by the caller in one go. */
	void add(String chain, String line) {
		this.chains.computeIfAbsent(chain, (key) -> new ArrayList<>()).add(line);
	}

	/** The chains in golden-test order, each with its rules. */
	List<RuleChain> chains() {
		String[] names = this.chains.keySet().toArray(new String[0]);
		// within a rank the order is String's: sort once, then take the ranks in turn
		Arrays.sort(names);
		List<RuleChain> result = new ArrayList<>(names.length);
		addIfPresent(NODE_PORTS, result);
		addIfPresent(SERVICES, result);
		List<String> others = new ArrayList<>();
		for (String chain : names) {
			if (!chain.startsWith("KUBE-")) {
				others.add(chain);
			}
			else if (!chain.equals(NODE_PORTS) && !chain.equals(SERVICES)) {
				addIfPresent(chain, result);
			}
		}
		for (String chain : others) {
			addIfPresent(chain, result);
		}
		return result;
	}

	private void addIfPresent(String chain, List<RuleChain> result) {
		List<String> rules = this.chains.get(chain);
		if (rules != null) {
			result.add(new RuleChain(this.name, chain, rules));
		}
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

}
