package io.trafficlab.engine.rules.nftables;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.trafficlab.engine.balancer.Dataplane;
import io.trafficlab.engine.rules.NodeRules;
import io.trafficlab.engine.rules.RuleChain;
import io.trafficlab.engine.rules.RulesMode;

/**
 * An {@code nft -f} transaction on {@code table ip kube-proxy} being written: its lines,
 * and the rules of each chain as they are added.
 */
final class Transaction {

	/** kube-proxy names its table after itself. */
	static final String TABLE = Dataplane.KUBE_PROXY.apiName();

	static final String PREFIX = "add rule ip " + TABLE + " ";

	private final StringBuilder text = new StringBuilder(4096);

	private final Map<String, List<String>> chains = new LinkedHashMap<>();

	/**
	 * {@code add chain ip kube-proxy NAME}, with {@code spec} ({@code { type … ; }}) when
	 * not empty.
	 */
	void chain(String name, String spec) {
		line("add chain ip " + TABLE + " " + name + (spec.isEmpty() ? "" : " " + spec));
		this.chains.computeIfAbsent(name, (key) -> new ArrayList<>());
	}

	void chain(String name) {
		chain(name, "");
	}

	/** {@code add rule ip kube-proxy CHAIN RULE}; the chain must have been added. */
	void rule(String chain, String rule) {
		List<String> rules = this.chains.get(chain);
		if (rules == null) {
			throw new IllegalStateException("rule for undeclared chain " + chain);
		}
		String line = PREFIX + chain + " " + rule;
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
		this.text.append('\n');
	}

	void line(String line) {
		this.text.append(line).append('\n');
	}

	NodeRules toRules(String node) {
		List<RuleChain> list = new ArrayList<>(this.chains.size());
		this.chains.forEach((name, rules) -> list.add(new RuleChain(TABLE, name, rules)));
		return new NodeRules(RulesMode.NFTABLES, node, list, this.text.toString());
	}

}
