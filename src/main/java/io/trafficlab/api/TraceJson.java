package io.trafficlab.api;

import java.util.List;
import java.util.Map;

import io.trafficlab.engine.net.NetworkModel;
import io.trafficlab.engine.proxy.TraceHop;
import io.trafficlab.engine.proxy.TraceResult;
import io.trafficlab.engine.rules.MatchedRule;

/**
 * The {@code POST /api/v1/trace} response.
 *
 * @param verdict {@code DNAT}, {@code DROP} or {@code REJECT}
 * @param endpoints the candidate endpoints, sorted; empty unless DNAT
 * @param masquerade whether kube-proxy SNATs the packet
 * @param sourceSeenByEndpoint for each candidate, the source address it sees
 * @param hops the packet's headers at each step
 * @param why the reasons, in plain words
 * @param network the pod network the source addresses assume
 * @param rules the kube-proxy rules the packet matched on the arriving node, in order
 */
record TraceJson(String verdict, List<String> endpoints, boolean masquerade, Map<String, String> sourceSeenByEndpoint,
		List<HopJson> hops, List<String> why, NetworkModel network, List<RuleJson> rules) {

	static TraceJson of(TraceResult result, NetworkModel network, List<MatchedRule> rules) {
		return new TraceJson(result.verdict().apiName(), result.endpoints(), result.masquerade(),
				result.sourceSeenByEndpoint(), MappedList.of(result.hops(), HopJson::of), result.why(), network,
				MappedList.of(rules, RuleJson::of));
	}

	/**
	 * A rule the packet matched.
	 *
	 * @param chain the chain it is in
	 * @param rule the rule as the rules text spells it
	 */
	record RuleJson(String chain, String rule) {

		static RuleJson of(MatchedRule matched) {
			return new RuleJson(matched.chain(), matched.rule());
		}

	}

	/**
	 * One step of the packet's path.
	 *
	 * @param at where the step happens (a node, {@code client} or {@code lb})
	 * @param step what the rules do, in words
	 * @param src the source {@code address:port} after the step
	 * @param dst the destination {@code address:port} after the step
	 */
	record HopJson(String at, String step, String src, String dst) {

		static HopJson of(TraceHop hop) {
			return new HopJson(hop.at(), hop.step(), hop.src(), hop.dst());
		}

	}

}
