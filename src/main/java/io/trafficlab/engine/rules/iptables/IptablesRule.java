package io.trafficlab.engine.rules.iptables;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One {@code -A CHAIN …} line, read into its matches and its target.
 *
 * @param chain the chain it is appended to
 * @param line the whole line, as the rules spell it
 * @param matches every match, all of which must hold
 * @param target the {@code -j} target, {@code null} for a rule that only counts
 * @param targetArguments the target's options ({@code --to-destination 10.0.0.1:80})
 */
record IptablesRule(String chain, String line, List<RuleMatch> matches, @Nullable String target,
		List<String> targetArguments) {

	/** Splits on spaces, keeping {@code "quoted text"} as one word without its quotes. */
	static List<String> words(String line) {
		List<String> words = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		boolean quoted = false;
		boolean started = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (c == '"') {
				quoted = !quoted;
				started = true;
			}
			else if (c == ' ' && !quoted) {
				if (started) {
					words.add(word.toString());
					word.setLength(0);
					started = false;
				}
			}
			else {
				word.append(c);
				started = true;
			}
		}
		if (quoted) {
			throw new IllegalArgumentException("rule has an unclosed quote: " + line);
		}
		if (started) {
			words.add(word.toString());
		}
		return words;
	}

	/** The value of a target option, {@code null} when absent. */
	@Nullable String targetOption(String option) {
		int at = this.targetArguments.indexOf(option);
		return (at >= 0 && at + 1 < this.targetArguments.size()) ? this.targetArguments.get(at + 1) : null;
	}

}
