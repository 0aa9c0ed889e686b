package io.trafficlab.engine.rules;

/**
 * Walks a packet through rules a {@link RulesWriter} wrote, as the kernel would: only the
 * matches and targets kube-proxy uses.
 */
public interface RulesWalker {

	/**
	 * @throws IllegalArgumentException when the rules use a match or target the walker
	 * does not know
	 */
	RulesWalk walk(NodeRules rules, WalkedPacket packet);

}
