package io.trafficlab.sandbox;

import java.util.List;

import io.trafficlab.engine.rules.MatchedRule;
import io.trafficlab.engine.rules.RuleChain;
import io.trafficlab.engine.rules.RulesWalk;
import io.trafficlab.engine.simulation.SyncedRules;
import org.jspecify.annotations.Nullable;

/** The JSON of the sandbox's rules endpoints. */
final class SandboxRulesJson {

	private SandboxRulesJson() {
	}

	/**
	 * A node's rules as of its last sync.
	 *
	 * @param mode {@code iptables} or {@code nftables}
	 * @param node the node
	 * @param generation the sync's number (changes with every sync of any node)
	 * @param syncedAt when the node last synced, simulated microseconds
	 * @param chains the chains as the text declares them
	 * @param text the whole text kube-proxy hands to {@code iptables-restore} or
	 * {@code nft}
	 */
	record Rules(String mode, String node, long generation, long syncedAt, List<Chain> chains, String text) {

		static Rules of(SyncedRules synced) {
			return new Rules(synced.rules().mode().apiName(), synced.rules().node(), synced.generation(),
					synced.syncedAt(), synced.rules().chains().stream().map(Chain::of).toList(), synced.rules().text());
		}

	}

	/** One chain: its table, name and rules. */
	record Chain(String table, String name, List<String> rules) {

		static Chain of(RuleChain chain) {
			return new Chain(chain.table(), chain.name(), chain.rules());
		}

	}

	/**
	 * A connection's first packet through a node's rules.
	 *
	 * @param verdict {@code DNAT}, {@code DROP} or {@code REJECT}
	 * @param dnatTo the {@code ip:port} it was DNATed to, or {@code null}
	 * @param masquerade whether a rule marked it for SNAT
	 * @param rules the rules it matched, in order
	 */
	record Path(String verdict, @Nullable String dnatTo, boolean masquerade, List<MatchedRule> rules) {

		static Path of(RulesWalk walk) {
			return new Path(walk.verdict().apiName(), walk.dnatTo(), walk.masquerade(), walk.matched());
		}

	}

}
