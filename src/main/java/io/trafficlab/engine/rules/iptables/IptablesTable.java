package io.trafficlab.engine.rules.iptables;

import java.util.ArrayList;
import java.util.Comparator;
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

	/** Chains in golden-test order: rank, then name. */
	private static final Comparator<RuleChain> ORDER = IptablesTable::compare;

	private static final Comparator<RuleChain> BY_NAME = (a, b) -> a.name().compareTo(b.name());

	private static final String ENDPOINT_CHAIN = "KUBE-SEP-";

	private final String name;

	/** Chains rules are appended to by name. */
	private final Map<String, List<String>> chains = new HashMap<>();

	/** Endpoint chains, written whole: no map entry, no copy. */
	private final List<RuleChain> written;

	/** The characters the chains' declarations and rules take in the text. */
	private long textLength;

	/** {@code expectedChains}: about how many chains {@link #define} will write. */
	IptablesTable(String name, int expectedChains) {
		this.name = name;
		this.written = new ArrayList<>(expectedChains);
	}

	String name() {
		return this.name;
	}

	/** {@code :CHAIN - [0:0]}: the chain exists (and is flushed) even without rules. */
	void declare(String chain) {
		declare(chain, 10);
	}

	/** {@link #declare} for a chain of about {@code expectedRules} rules. */
	void declare(String chain, int expectedRules) {
		rules(chain, expectedRules);
	}

	/**
	 * Declares an endpoint chain ({@code KUBE-SEP-…}) with all its rules
	 * ({@code -A CHAIN …} lines); nothing appends to it afterwards.
	 */
	void define(String chain, List<String> lines) {
		if (!chain.startsWith(ENDPOINT_CHAIN)) {
			throw new IllegalArgumentException("not an endpoint chain: " + chain);
		}
		RuleChain written = new RuleChain(this.name, chain, lines);
		this.written.add(written);
		this.textLength += declarationLength(chain);
		for (int i = 0; i < lines.size(); i++) {
			this.textLength += lines.get(i).length() + 1;
		}
	}

	/** {@code -A CHAIN spec}. */
	void append(String chain, String spec) {
		add(chain, "-A " + chain + " " + spec);
	}

	/** A whole {@code -A CHAIN …} line, built by the caller in one go. */
	void add(String chain, String line) {
		rules(chain, 10).add(line);
		this.textLength += line.length() + 1;
	}

	private List<String> rules(String chain, int expectedRules) {
		List<String> rules = this.chains.get(chain);
		if (rules == null) {
			rules = new ArrayList<>(expectedRules);
			this.chains.put(chain, rules);
			this.textLength += declarationLength(chain);
		}
		return rules;
	}

	/** What {@link #render} writes for the table: a size for its builder. */
	long textLength() {
		return this.textLength + this.name.length() + 10;
	}

	/**
	 * The chains in golden-test order, each with its rules: the few named chains and the
	 * many written ones sort apart, then merge.
	 */
	List<RuleChain> chains() {
		List<RuleChain> named = new ArrayList<>(this.chains.size());
		this.chains.forEach((chain, rules) -> named.add(new RuleChain(this.name, chain, rules)));
		named.sort(ORDER);
		// all KUBE-SEP-…: their golden order is String order, the cheaper sort
		this.written.sort(BY_NAME);
		List<RuleChain> result = new ArrayList<>(named.size() + this.written.size());
		int next = 0;
		for (RuleChain chain : named) {
			while (next < this.written.size() && compare(this.written.get(next), chain) < 0) {
				result.add(this.written.get(next++));
			}
			result.add(chain);
		}
		result.addAll(this.written.subList(next, this.written.size()));
		return result;
	}

	/** {@code *table}, the declarations, the rules, {@code COMMIT}. */
	static void render(String table, List<RuleChain> chains, StringBuilder text) {
		text.append('*').append(table).append('\n');
		for (RuleChain chain : chains) {
			text.append(':').append(chain.name()).append(" - [0:0]\n");
		}
		for (RuleChain chain : chains) {
			List<String> rules = chain.rules();
			for (int i = 0; i < rules.size(); i++) {
				text.append(rules.get(i)).append('\n');
			}
		}
		text.append("COMMIT\n");
	}

	private static int declarationLength(String chain) {
		return chain.length() + ":".length() + " - [0:0]\n".length();
	}

	private static int compare(RuleChain a, RuleChain b) {
		int rank = Integer.compare(rank(a.name()), rank(b.name()));
		return (rank != 0) ? rank : a.name().compareTo(b.name());
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
