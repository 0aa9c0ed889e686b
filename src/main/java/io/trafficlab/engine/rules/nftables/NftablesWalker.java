package io.trafficlab.engine.rules.nftables;

import io.trafficlab.engine.proxy.Verdict;
import io.trafficlab.engine.rules.NodeRules;
import io.trafficlab.engine.proxy.ProxyMode;
import io.trafficlab.engine.rules.RulesWalk;
import io.trafficlab.engine.rules.RulesWalker;
import io.trafficlab.engine.rules.WalkedPacket;

/**
 * Walks the first packet of a connection through an {@link NftablesWriter} transaction,
 * hook by hook as the kernel runs kube-proxy's base chains: filter at priority -110 (the
 * source-range firewall), nat (DNAT), filter at priority 0 (the no-endpoint verdicts, the
 * ClusterIP checks), then nat postrouting (masquerade). A packet from this node takes the
 * output hooks, any other the prerouting ones. In the spirit of upstream's
 * {@code nftablesTracer}, it knows only what kube-proxy writes; anything else is an
 * {@link IllegalArgumentException}.
 */
public final class NftablesWalker implements RulesWalker {

	@Override
	public RulesWalk walk(NodeRules rules, WalkedPacket packet) {
		if (rules.mode() != ProxyMode.NFTABLES) {
			throw new IllegalArgumentException("mode: the nftables walker reads nftables rules, not " + rules.mode());
		}
		PacketWalk walk = new PacketWalk(new RuleSet(rules), packet);
		boolean local = packet.sourceLocal();
		Outcome outcome = walk.hook(local ? "filter-output-pre-dnat" : "filter-prerouting-pre-dnat");
		if (!outcome.stops()) {
			walk.hook(local ? "nat-output" : "nat-prerouting");
			outcome = filter(walk, local, packet.destinationLocal());
		}
		if (!outcome.stops()) {
			walk.hook("nat-postrouting");
		}
		return walk.result(outcome, rules.node());
	}

	/** The filter hooks at priority 0, which see the destination after DNAT. */
	private static Outcome filter(PacketWalk walk, boolean sourceLocal, boolean destinationLocal) {
		boolean deliveredHere = !walk.dnatted() && destinationLocal;
		if (sourceLocal) {
			Outcome outcome = walk.hook("filter-output");
			return (outcome.stops() || !deliveredHere) ? outcome : walk.hook("filter-input");
		}
		return walk.hook(deliveredHere ? "filter-input" : "filter-forward");
	}

	/** How a chain ends. */
	enum Outcome {

		/** Fell off its end or returned: the caller goes on. */
		CONTINUE,

		/** Accepted for this hook (a NAT statement): the next hook runs. */
		ACCEPT, DROPPED, REJECTED;

		boolean stops() {
			return this == DROPPED || this == REJECTED;
		}

		Verdict verdict() {
			return (this == REJECTED) ? Verdict.REJECT : Verdict.DROP;
		}

	}

}
