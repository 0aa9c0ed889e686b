package io.trafficlab.engine.rules.iptables;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import io.trafficlab.engine.net.Cidr;
import io.trafficlab.engine.net.IpAddress;
import org.jspecify.annotations.Nullable;

/**
 * Reads an {@code -A} line into an {@link IptablesRule}: only the matches kube-proxy
 * writes ({@code -s}/{@code -d} with {@code !}, {@code -p}, {@code --dport},
 * {@code addrtype}, {@code statistic}, {@code recent}, {@code conntrack}, {@code mark},
 * {@code nfacct}, {@code comment}, the protocol modules).
 */
final class RuleReader {

	private final List<String> words;

	private final String line;

	private final Function<String, @Nullable String> endpointOfChain;

	private int next;

	private boolean negated;

	private RuleReader(String line, Function<String, @Nullable String> endpointOfChain) {
		this.line = line;
		this.words = IptablesRule.words(line);
		this.endpointOfChain = endpointOfChain;
	}

	/**
	 * @param endpointOfChain the endpoint IP a chain DNATs to, for {@code statistic}
	 * @throws IllegalArgumentException for a match or option kube-proxy does not write
	 */
	static IptablesRule read(String line, Function<String, @Nullable String> endpointOfChain) {
		return new RuleReader(line, endpointOfChain).read();
	}

	private IptablesRule read() {
		if (this.words.size() < 2 || !this.words.get(0).equals("-A")) {
			throw unknown("a rule starts with -A CHAIN");
		}
		String chain = this.words.get(1);
		this.next = 2;
		List<RuleMatch> matches = new ArrayList<>();
		String target = null;
		List<String> targetArguments = List.of();
		while (this.next < this.words.size()) {
			String word = take();
			if (word.equals("!")) {
				this.negated = true;
				continue;
			}
			if (word.equals("-j")) {
				target = take();
				targetArguments = List.copyOf(this.words.subList(this.next, this.words.size()));
				break;
			}
			RuleMatch match = match(word, target);
			if (match != null) {
				matches.add(this.negated ? (state) -> !match.test(state) : match);
			}
			this.negated = false;
		}
		List<RuleMatch> all = List.copyOf(matches);
		return new IptablesRule(chain, this.line, all, target, targetArguments);
	}

	private @Nullable RuleMatch match(String word, @Nullable String target) {
		return switch (word) {
			case "-m" -> module(take());
			case "-s" -> address(take(), true);
			case "-d" -> address(take(), false);
			case "-p" -> {
				String protocol = take().toLowerCase(Locale.ROOT);
				yield (state) -> state.packet.protocol().equalsIgnoreCase(protocol);
			}
			case "--dport" -> {
				int port = Integer.parseInt(take());
				yield (state) -> state.packet.destinationPort() == port;
			}
			case "--src-type" -> localType(take(), true);
			case "--dst-type" -> localType(take(), false);
			case "--comment", "--nfacct-name", "--mode", "--name", "--seconds" -> {
				take();
				yield null;
			}
			case "--reap", "--set" -> null;
			case "--rcheck" -> (state) -> false;
			case "--probability" -> statistic(take());
			case "--ctstate" -> ctstate(take());
			case "--mark" -> mark(take());
			default -> throw unknown("unknown match \"" + word + "\"");
		};
	}

	private @Nullable RuleMatch module(String module) {
		return switch (module) {
			case "comment", "tcp", "udp", "sctp", "addrtype", "statistic", "recent", "nfacct", "conntrack", "mark" ->
				null;
			default -> throw unknown("unknown match module \"" + module + "\"");
		};
	}

	private RuleMatch address(String text, boolean source) {
		Cidr cidr = Cidr.tryParse(text.contains("/") ? text : text + ((text.indexOf(':') >= 0) ? "/128" : "/32"));
		if (cidr == null) {
			throw unknown("\"" + text + "\" is not an address or CIDR");
		}
		return (state) -> {
			IpAddress address = source ? state.source : state.destination;
			return address != null && cidr.contains(address);
		};
	}

	private RuleMatch localType(String type, boolean source) {
		if (!type.equals("LOCAL")) {
			throw unknown("unknown address type \"" + type + "\"");
		}
		return (state) -> source ? state.packet.sourceLocal() : state.packet.destinationLocal();
	}

	/**
	 * The walk takes the rule leading to the packet's endpoint, or the first
	 * probabilistic rule when it names none.
	 */
	private RuleMatch statistic(String probability) {
		Double.parseDouble(probability);
		String targetChain = targetOf();
		return (state) -> {
			String wanted = state.packet.endpoint();
			if (wanted == null) {
				boolean first = !state.randomChoiceTaken;
				state.randomChoiceTaken = true;
				return first;
			}
			return targetChain != null && wanted.equals(this.endpointOfChain.apply(targetChain));
		};
	}

	private @Nullable String targetOf() {
		int at = this.words.indexOf("-j");
		return (at >= 0 && at + 1 < this.words.size()) ? this.words.get(at + 1) : null;
	}

	/** A new connection: NEW, and DNAT once a rule has DNATed it. */
	private RuleMatch ctstate(String states) {
		List<String> listed = List.of(states.split(","));
		for (String state : listed) {
			if (!List.of("NEW", "INVALID", "RELATED", "ESTABLISHED", "DNAT").contains(state)) {
				throw unknown("unknown conntrack state \"" + state + "\"");
			}
		}
		return (state) -> listed.contains("NEW") || (state.dnat && listed.contains("DNAT"));
	}

	private RuleMatch mark(String text) {
		String[] parts = text.split("/");
		long value = Long.decode(parts[0]);
		long mask = (parts.length > 1) ? Long.decode(parts[1]) : 0xffffffffL;
		return (state) -> (state.mark & mask) == value;
	}

	private String take() {
		if (this.next >= this.words.size()) {
			throw unknown("an option has no value");
		}
		return this.words.get(this.next++);
	}

	private IllegalArgumentException unknown(String what) {
		return new IllegalArgumentException(what + " in: " + this.line);
	}

}
