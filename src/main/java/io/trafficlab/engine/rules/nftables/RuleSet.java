package io.trafficlab.engine.rules.nftables;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.trafficlab.engine.rules.NodeRules;
import io.trafficlab.engine.rules.RuleChain;

/**
 * The chains, sets and verdict maps of a written transaction, read back for the walker:
 * each element's key (its parts joined by {@code " . "}) and, for maps, its verdict.
 */
final class RuleSet {

	private static final String ELEMENT = "add element ip " + Transaction.TABLE + " ";

	private final Map<String, RuleChain> chains = new HashMap<>();

	/** Set or map name to key to value ({@code ""} for a set's element). */
	private final Map<String, Map<String, String>> elements = new HashMap<>();

	RuleSet(NodeRules rules) {
		for (RuleChain chain : rules.chains()) {
			this.chains.put(chain.name(), chain);
		}
		for (String line : rules.text().split("\n")) {
			if (line.startsWith(ELEMENT)) {
				addElement(line.substring(ELEMENT.length()));
			}
		}
	}

	/** {@code NAME { KEY [comment "…"] [: VALUE] }}. */
	private void addElement(String text) {
		int open = text.indexOf(" { ");
		if (open < 0 || !text.endsWith(" }")) {
			throw new IllegalArgumentException("unknown element syntax: " + text);
		}
		String name = text.substring(0, open);
		String body = text.substring(open + 3, text.length() - 2);
		String key = body;
		String value = "";
		int colon = body.indexOf(" : ");
		if (colon >= 0) {
			key = body.substring(0, colon);
			value = body.substring(colon + 3);
		}
		int comment = key.indexOf(" comment \"");
		if (comment >= 0) {
			key = key.substring(0, comment);
		}
		this.elements.computeIfAbsent(name, (k) -> new LinkedHashMap<>()).put(key, value);
	}

	List<String> rules(String chain) {
		RuleChain found = this.chains.get(chain);
		if (found == null) {
			throw new IllegalArgumentException("no chain " + chain);
		}
		return found.rules();
	}

	boolean hasChain(String chain) {
		return this.chains.containsKey(chain);
	}

	boolean contains(String set, String key) {
		return this.elements.getOrDefault(set, Map.of()).containsKey(key);
	}

	/**
	 * The verdict the map gives {@code key}, {@code null} when it has no such element.
	 */
	String lookup(String map, String key) {
		return this.elements.getOrDefault(map, Map.of()).get(key);
	}

}
