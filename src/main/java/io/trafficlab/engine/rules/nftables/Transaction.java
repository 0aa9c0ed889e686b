package io.trafficlab.engine.rules.nftables;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.trafficlab.engine.balancer.Dataplane;
import io.trafficlab.engine.rules.NodeRules;
import io.trafficlab.engine.rules.RuleChain;
import io.trafficlab.engine.proxy.ProxyMode;

/**
 * An {@code nft -f} transaction on {@code table ip kube-proxy} being written: its lines,
 * each built once, and the rules of each chain as they are added. The text is assembled
 * from the lines at the end, in a builder of its exact size.
 */
final class Transaction {

	/** kube-proxy names its table after itself. */
	static final String TABLE = Dataplane.KUBE_PROXY.apiName();

	static final String PREFIX = "add rule ip " + TABLE + " ";

	private static final String CHAIN = "add chain ip " + TABLE + " ";

	private final List<String> lines;

	private final Map<String, List<String>> chains;

	/** The chain last added, whose rules usually follow: no lookup for them. */
	private String lastChain = "";

	private List<String> lastRules = new ArrayList<>();

	/** The text's length so far. */
	private long length;

	/**
	 * {@code expectedChains} sizes the transaction so it need not grow: an endpoint chain
	 * takes up to five lines (a blank, the chain, up to three rules).
	 */
	Transaction(int expectedChains) {
		this.lines = new ArrayList<>(64 + 5 * expectedChains);
		this.chains = new LinkedHashMap<>((64 + expectedChains) * 4 / 3);
	}

	/**
	 * {@code add chain ip kube-proxy NAME}, with {@code spec} ({@code { type … ; }}) when
	 * not empty.
	 */
	void chain(String name, String spec) {
		line(spec.isEmpty() ? CHAIN + name : CHAIN + name + " " + spec);
		added(name, 10);
	}

	void chain(String name) {
		chain(name, "");
	}

	/** {@link #chain(String)} for a chain of a few rules. */
	void smallChain(String name) {
		line(CHAIN + name);
		added(name, 3);
	}

	private void added(String name, int expectedRules) {
		this.lastChain = name;
		this.lastRules = this.chains.computeIfAbsent(name, (key) -> new ArrayList<>(expectedRules));
	}

	/** {@code add rule ip kube-proxy CHAIN RULE}; the chain must have been added. */
	void rule(String chain, String rule) {
		add(chain, PREFIX + chain + " " + rule);
	}

	/** {@link #rule} for a rule given in parts, joined in one go. */
	void rule(String chain, String... parts) {
		int size = PREFIX.length() + chain.length() + 1;
		for (String part : parts) {
			size += part.length();
		}
		StringBuilder line = new StringBuilder(size).append(PREFIX).append(chain).append(' ');
		for (String part : parts) {
			line.append(part);
		}
		add(chain, line.toString());
	}

	private void add(String chain, String line) {
		List<String> rules = (chain.equals(this.lastChain)) ? this.lastRules : this.chains.get(chain);
		if (rules == null) {
			throw new IllegalStateException("rule for undeclared chain " + chain);
		}
		rules.add(line);
		line(line);
	}

	/** {@code add set|map ip kube-proxy NAME SPEC}. */
	void container(String kind, String name, String spec) {
		line("add " + kind + " ip " + TABLE + " " + name + " " + spec);
	}

	/** {@code add element ip kube-proxy SET { BODY }}. */
	void element(String set, String body) {
		line("add element ip " + TABLE + " " + set + " { " + body + " }");
	}

	void comment(String comment) {
		line("# " + comment);
	}

	void blank() {
		line("");
	}

	void line(String line) {
		this.lines.add(line);
		this.length += line.length() + 1;
	}

	NodeRules toRules(String node) {
		StringBuilder text = new StringBuilder((int) Math.min(this.length, Integer.MAX_VALUE - 16));
		for (int i = 0; i < this.lines.size(); i++) {
			text.append(this.lines.get(i)).append('\n');
		}
		List<RuleChain> list = new ArrayList<>(this.chains.size());
		this.chains.forEach((name, rules) -> list.add(new RuleChain(TABLE, name, rules)));
		return new NodeRules(ProxyMode.NFTABLES, node, list, text.toString());
	}

}
