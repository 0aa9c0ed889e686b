package io.trafficlab.engine.rules.nftables;

import java.util.ArrayList;
import java.util.List;

import io.trafficlab.engine.net.Cidr;
import io.trafficlab.engine.net.IpAddress;
import io.trafficlab.engine.proxy.Verdict;
import io.trafficlab.engine.rules.MatchedRule;
import io.trafficlab.engine.rules.RulesWalk;
import io.trafficlab.engine.rules.WalkedPacket;
import io.trafficlab.engine.rules.nftables.NftablesWalker.Outcome;
import org.jspecify.annotations.Nullable;

/**
 * One packet's state while it walks the rules: its destination (rewritten by DNAT), the
 * masquerade mark, the rules it matched. Each rule is read left to right: matches while
 * they hold, then statements and a verdict.
 */
final class PacketWalk {

	private static final int DEPTH_MAX = 32;

	private final RuleSet rules;

	private final WalkedPacket packet;

	private final List<MatchedRule> matched = new ArrayList<>();

	private String destinationIp;

	private int destinationPort;

	private @Nullable String dnatTo;

	private boolean mark;

	private boolean masqueraded;

	private int depth;

	PacketWalk(RuleSet rules, WalkedPacket packet) {
		this.rules = rules;
		this.packet = packet;
		this.destinationIp = packet.destinationIp();
		this.destinationPort = packet.destinationPort();
	}

	boolean dnatted() {
		return this.dnatTo != null;
	}

	/** Runs a base chain. */
	Outcome hook(String chain) {
		return this.rules.hasChain(chain) ? run(chain) : Outcome.CONTINUE;
	}

	RulesWalk result(Outcome outcome, String node) {
		if (outcome.stops()) {
			return new RulesWalk(outcome.verdict(), null, false, this.matched);
		}
		if (this.dnatTo == null) {
			throw new IllegalArgumentException("the packet to " + this.packet.destinationIp() + ":"
					+ this.packet.destinationPort() + " matched no Service rule on " + node);
		}
		return new RulesWalk(Verdict.DNAT, this.dnatTo, this.masqueraded, this.matched);
	}

	private Outcome run(String chain) {
		if (++this.depth > DEPTH_MAX) {
			throw new IllegalArgumentException("rules loop through chain " + chain);
		}
		try {
			String prefix = Transaction.PREFIX + chain + " ";
			for (String line : this.rules.rules(chain)) {
				Outcome outcome = new RuleReader(chain, line, line.substring(prefix.length())).evaluate();
				if (outcome != null) {
					return outcome;
				}
			}
			return Outcome.CONTINUE;
		}
		finally {
			this.depth--;
		}
	}

	/** Reads and runs one rule; {@code null} to go on with the next rule. */
	private final class RuleReader {

		private final String chain;

		private final String line;

		private final String[] tokens;

		private int at;

		private boolean recorded;

		RuleReader(String chain, String line, String rule) {
			this.chain = chain;
			this.line = line;
			int comment = rule.indexOf(" comment \"");
			this.tokens = ((comment >= 0) ? rule.substring(0, comment) : rule).split(" ");
		}

		@Nullable Outcome evaluate() {
			while (this.at < this.tokens.length) {
				String token = next();
				switch (token) {
					case "ct" -> expect("state", "new");
					case "ip" -> {
						String field = next();
						if (".".equals(peek())) {
							return concatenated(field);
						}
						if (!addressMatches(field)) {
							return null;
						}
					}
					case "meta" -> {
						expect("l4proto");
						if (".".equals(peek())) {
							expect(".", "th", "dport");
							return lookup(PacketWalk.this.packet.protocol() + " . " + PacketWalk.this.destinationPort);
						}
						if (!next().equals(PacketWalk.this.packet.protocol())) {
							return null;
						}
					}
					case "th", "tcp", "udp", "sctp" -> {
						expect("dport");
						boolean protocolMatches = "th".equals(token) || token.equals(PacketWalk.this.packet.protocol());
						if (!protocolMatches || Integer.parseInt(next()) != PacketWalk.this.destinationPort) {
							return null;
						}
					}
					case "fib" -> {
						String field = next();
						expect("type", "local");
						boolean local = "saddr".equals(field) ? PacketWalk.this.packet.sourceLocal()
								: PacketWalk.this.packet.destinationLocal();
						if (!local) {
							return null;
						}
					}
					case "mark" -> {
						if (!markClause()) {
							return null;
						}
					}
					case "numgen" -> {
						return numgen();
					}
					case "update" -> {
						record();
						next();
						expect("{", "ip", "saddr", "}");
					}
					case "dnat" -> {
						record();
						expect("to");
						dnat(next());
						return Outcome.ACCEPT;
					}
					case "masquerade" -> {
						record();
						if ("fully-random".equals(peek())) {
							next();
						}
						PacketWalk.this.masqueraded = true;
						return Outcome.ACCEPT;
					}
					default -> {
						return verdict(token);
					}
				}
			}
			return null;
		}

		private String address(String field) {
			return switch (field) {
				case "saddr" -> PacketWalk.this.packet.sourceIp();
				case "daddr" -> PacketWalk.this.destinationIp;
				default -> throw unknown("ip " + field);
			};
		}

		/** {@code ip daddr . meta l4proto . th dport} then a map or set lookup. */
		private @Nullable Outcome concatenated(String field) {
			String address = address(field);
			expect(".", "meta", "l4proto", ".", "th", "dport");
			return lookup(
					address + " . " + PacketWalk.this.packet.protocol() + " . " + PacketWalk.this.destinationPort);
		}

		/**
		 * {@code ip saddr|daddr} against a named set, a literal or an anonymous set, with
		 * {@code !=}.
		 */
		private boolean addressMatches(String field) {
			String address = address(field);
			String following = next();
			if (following.startsWith("@")) {
				return PacketWalk.this.rules.contains(following.substring(1), address);
			}
			boolean negated = "!=".equals(following);
			String value = negated ? next() : following;
			boolean inside;
			if ("{".equals(value)) {
				inside = false;
				for (String item = next(); !"}".equals(item); item = next()) {
					inside = inside || (!",".equals(item) && PacketWalk.addressMatches(address, item));
				}
			}
			else {
				inside = PacketWalk.addressMatches(address, value);
			}
			return inside != negated;
		}

		/** {@code … vmap @MAP} or {@code … @SET} on a concatenated key. */
		private @Nullable Outcome lookup(String key) {
			String next = next();
			if ("vmap".equals(next)) {
				String map = next();
				String verdict = PacketWalk.this.rules.lookup(map.substring(1), key);
				if (verdict == null) {
					return null;
				}
				record();
				return new VerdictText(verdict).run();
			}
			if (next.startsWith("@")) {
				return PacketWalk.this.rules.contains(next.substring(1), key) ? evaluate() : null;
			}
			throw unknown(next);
		}

		private boolean markClause() {
			String first = next();
			if ("and".equals(first)) {
				next();
				expect("==", "0");
				return !PacketWalk.this.mark;
			}
			if ("set".equals(first)) {
				record();
				expect("mark");
				String operation = next();
				next();
				PacketWalk.this.mark = "or".equals(operation);
				return true;
			}
			throw unknown("mark " + first);
		}

		/**
		 * {@code numgen random mod N vmap { 0 : goto A , 1 : goto B }}: the branch that
		 * DNATs to the packet's chosen endpoint, else the first.
		 */
		private @Nullable Outcome numgen() {
			expect("random", "mod");
			next();
			expect("vmap", "{");
			List<String> targets = new ArrayList<>();
			for (String item = next(); !"}".equals(item); item = next()) {
				if (",".equals(item)) {
					continue;
				}
				expect(":", "goto");
				targets.add(next());
			}
			if (targets.isEmpty()) {
				return null;
			}
			String chosen = targets.get(0);
			String endpoint = PacketWalk.this.packet.endpoint();
			if (endpoint != null) {
				for (String target : targets) {
					if (dnatsTo(target, endpoint)) {
						chosen = target;
						break;
					}
				}
			}
			record();
			return run(chosen);
		}

		private boolean dnatsTo(String chain, String endpoint) {
			for (String rule : PacketWalk.this.rules.rules(chain)) {
				if (rule.contains(" dnat to " + endpoint + ":")) {
					return true;
				}
			}
			return false;
		}

		private @Nullable Outcome verdict(String token) {
			record();
			return switch (token) {
				case "jump" -> {
					Outcome outcome = run(next());
					yield (outcome == Outcome.CONTINUE) ? null : outcome;
				}
				case "goto" -> run(next());
				case "return" -> Outcome.CONTINUE;
				case "accept" -> Outcome.ACCEPT;
				case "drop" -> Outcome.DROPPED;
				case "reject" -> Outcome.REJECTED;
				default -> throw unknown(token);
			};
		}

		private void dnat(String target) {
			int colon = target.lastIndexOf(':');
			if (colon < 0) {
				throw unknown("dnat to " + target);
			}
			PacketWalk.this.dnatTo = target;
			PacketWalk.this.destinationIp = target.substring(0, colon);
			PacketWalk.this.destinationPort = Integer.parseInt(target.substring(colon + 1));
		}

		private void record() {
			if (!this.recorded) {
				this.recorded = true;
				PacketWalk.this.matched.add(new MatchedRule(this.chain, this.line));
			}
		}

		private String next() {
			if (this.at >= this.tokens.length) {
				throw unknown("(end of rule)");
			}
			return this.tokens[this.at++];
		}

		private @Nullable String peek() {
			return (this.at < this.tokens.length) ? this.tokens[this.at] : null;
		}

		private void expect(String... words) {
			for (String word : words) {
				String token = next();
				if (!word.equals(token)) {
					throw unknown(token);
				}
			}
		}

		private IllegalArgumentException unknown(String what) {
			return new IllegalArgumentException("unknown nftables syntax \"" + what + "\" in: " + this.line);
		}

		/** A verdict read from a map element ({@code goto CHAIN}, {@code drop}). */
		private final class VerdictText {

			private final String[] words;

			VerdictText(String verdict) {
				this.words = verdict.split(" ");
			}

			@Nullable Outcome run() {
				return switch (this.words[0]) {
					case "goto" -> PacketWalk.this.run(this.words[1]);
					case "jump" -> {
						Outcome outcome = PacketWalk.this.run(this.words[1]);
						yield (outcome == Outcome.CONTINUE) ? null : outcome;
					}
					case "drop" -> Outcome.DROPPED;
					case "reject" -> Outcome.REJECTED;
					case "accept" -> Outcome.ACCEPT;
					default -> throw unknown(String.join(" ", this.words));
				};
			}

		}

	}

	private static boolean addressMatches(String address, String ruleValue) {
		IpAddress ip = IpAddress.tryParse(address);
		if (ip == null) {
			return false;
		}
		if (ruleValue.contains("/")) {
			Cidr cidr = Cidr.tryParse(ruleValue);
			if (cidr == null) {
				throw new IllegalArgumentException("not a CIDR in the rules: " + ruleValue);
			}
			return cidr.contains(ip);
		}
		IpAddress other = IpAddress.tryParse(ruleValue);
		if (other == null) {
			throw new IllegalArgumentException("not an address in the rules: " + ruleValue);
		}
		return ip.equals(other);
	}

}
