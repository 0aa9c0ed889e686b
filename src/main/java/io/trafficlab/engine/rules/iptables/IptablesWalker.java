package io.trafficlab.engine.rules.iptables;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.trafficlab.engine.proxy.Verdict;
import io.trafficlab.engine.rules.MatchedRule;
import io.trafficlab.engine.rules.NodeRules;
import io.trafficlab.engine.rules.RuleChain;
import io.trafficlab.engine.rules.RulesWalk;
import io.trafficlab.engine.rules.RulesWalker;
import io.trafficlab.engine.rules.WalkedPacket;
import org.jspecify.annotations.Nullable;

/**
 * Walks the first packet of a new connection through rules {@link IptablesWriter} wrote,
 * as upstream's {@code iptablesTracer} does: {@code nat} from {@code KUBE-SERVICES}
 * (PREROUTING and OUTPUT jump there); when nothing DNATs it, the {@code filter} chains
 * INPUT/FORWARD/OUTPUT jump to ({@code KUBE-PROXY-FIREWALL}, {@code KUBE-SERVICES},
 * {@code KUBE-EXTERNAL-SERVICES}, and {@code KUBE-NODEPORTS} for a local destination).
 * Random choices follow {@link WalkedPacket#endpoint()}.
 */
public final class IptablesWalker implements RulesWalker {

	private static final int MAX_JUMPS = 64;

	@Override
	public RulesWalk walk(NodeRules rules, WalkedPacket packet) {
		Tables tables = new Tables(rules);
		WalkState state = new WalkState(packet);
		Outcome outcome = run(tables, "nat", "KUBE-SERVICES", state, 0);
		if (outcome == Outcome.DNAT) {
			return new RulesWalk(Verdict.DNAT, state.dnatTo, masquerade(state), state.matched);
		}
		String[] filterChains = packet.destinationLocal()
				? new String[] { SyncContext.PROXY_FIREWALL, IptablesTable.NODE_PORTS, SyncContext.EXTERNAL_SERVICES }
				: new String[] { SyncContext.PROXY_FIREWALL, IptablesTable.SERVICES, SyncContext.EXTERNAL_SERVICES };
		for (String chain : filterChains) {
			outcome = run(tables, "filter", chain, state, 0);
			if (outcome == Outcome.DROP || outcome == Outcome.REJECT) {
				Verdict verdict = (outcome == Outcome.DROP) ? Verdict.DROP : Verdict.REJECT;
				return new RulesWalk(verdict, null, masquerade(state), state.matched);
			}
			if (outcome == Outcome.ACCEPT) {
				break;
			}
		}
		throw new IllegalArgumentException("no rule DNATs, drops or rejects " + packet.protocol() + " "
				+ packet.sourceIp() + " -> " + packet.destinationIp() + ":" + packet.destinationPort());
	}

	private static boolean masquerade(WalkState state) {
		return (state.mark & 0x4000L) != 0;
	}

	private Outcome run(Tables tables, String table, String chain, WalkState state, int depth) {
		if (depth > MAX_JUMPS) {
			throw new IllegalArgumentException("rules jump deeper than " + MAX_JUMPS + " chains at " + chain);
		}
		List<IptablesRule> rules = tables.chain(table, chain);
		if (rules == null) {
			throw new IllegalArgumentException("unknown target: no chain " + chain + " in table " + table);
		}
		for (IptablesRule rule : rules) {
			if (!matches(rule, state)) {
				continue;
			}
			state.matched.add(new MatchedRule(chain, rule.line()));
			String target = rule.target();
			if (target == null) {
				continue;
			}
			Outcome outcome = target(tables, table, rule, target, state, depth);
			if (outcome == Outcome.RETURN) {
				return Outcome.CONTINUE;
			}
			if (outcome != Outcome.CONTINUE) {
				return outcome;
			}
		}
		return Outcome.CONTINUE;
	}

	private static boolean matches(IptablesRule rule, WalkState state) {
		for (RuleMatch match : rule.matches()) {
			if (!match.test(state)) {
				return false;
			}
		}
		return true;
	}

	private Outcome target(Tables tables, String table, IptablesRule rule, String target, WalkState state, int depth) {
		switch (target) {
			case "DNAT" -> {
				state.dnatTo = rule.targetOption("--to-destination");
				state.dnat = true;
				return Outcome.DNAT;
			}
			case "MARK" -> {
				String or = rule.targetOption("--or-mark");
				String xor = rule.targetOption("--xor-mark");
				if (or != null) {
					state.mark |= Long.decode(or);
				}
				else if (xor != null) {
					state.mark ^= Long.decode(xor);
				}
				else {
					throw new IllegalArgumentException("unknown MARK option in: " + rule.line());
				}
				return Outcome.CONTINUE;
			}
			case "RETURN" -> {
				return Outcome.RETURN;
			}
			case "DROP" -> {
				return Outcome.DROP;
			}
			case "REJECT" -> {
				return Outcome.REJECT;
			}
			case "ACCEPT", "MASQUERADE" -> {
				return Outcome.ACCEPT;
			}
			default -> {
				Outcome outcome = run(tables, table, target, state, depth + 1);
				return (outcome == Outcome.RETURN) ? Outcome.CONTINUE : outcome;
			}
		}
	}

	private enum Outcome {

		CONTINUE, RETURN, DNAT, DROP, REJECT, ACCEPT

	}

	/** The chains by table, read on first use. */
	private static final class Tables {

		private final Map<String, RuleChain> raw = new HashMap<>();

		private final Map<String, List<IptablesRule>> read = new HashMap<>();

		private final Map<String, String> endpoints = new HashMap<>();

		Tables(NodeRules rules) {
			for (RuleChain chain : rules.chains()) {
				this.raw.put(chain.table() + "/" + chain.name(), chain);
			}
		}

		@Nullable List<IptablesRule> chain(String table, String name) {
			String key = table + "/" + name;
			List<IptablesRule> rules = this.read.get(key);
			if (rules == null) {
				RuleChain chain = this.raw.get(key);
				if (chain == null) {
					return null;
				}
				rules = chain.rules().stream().map((line) -> RuleReader.read(line, this::endpointOf)).toList();
				this.read.put(key, rules);
			}
			return rules;
		}

		/** The IP a {@code nat} chain DNATs to, {@code null} when it does not. */
		@Nullable String endpointOf(String name) {
			if (this.endpoints.containsKey(name)) {
				return this.endpoints.get(name);
			}
			String ip = null;
			RuleChain chain = this.raw.get("nat/" + name);
			if (chain != null) {
				for (String line : chain.rules()) {
					int at = line.indexOf("--to-destination ");
					if (at >= 0) {
						String destination = line.substring(at + "--to-destination ".length()).split(" ")[0];
						ip = destination.startsWith("[") ? destination.substring(1, destination.indexOf(']'))
								: destination.substring(0, destination.lastIndexOf(':'));
					}
				}
			}
			this.endpoints.put(name, ip);
			return ip;
		}

	}

}
