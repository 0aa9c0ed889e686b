package io.trafficlab.engine.rules;

import java.util.List;

import io.trafficlab.engine.proxy.Verdict;
import org.jspecify.annotations.Nullable;

/**
 * Where a packet's walk through a node's rules ends.
 *
 * @param verdict DNAT to an endpoint, DROP or REJECT
 * @param dnatTo the {@code ip:port} it is DNATed to, {@code null} unless DNAT
 * @param masquerade whether a rule marked it for SNAT
 * @param matched the rules it matched, in order
 */
public record RulesWalk(Verdict verdict, @Nullable String dnatTo, boolean masquerade, List<MatchedRule> matched) {

	public RulesWalk {
		matched = List.copyOf(matched);
	}

}
