package io.trafficlab.engine.proxy;

import java.util.List;
import java.util.Map;

/**
 * The path of one new connection through one node.
 *
 * @param verdict DNAT, DROP or REJECT
 * @param endpoints the candidate endpoint IPs, sorted; empty unless DNAT
 * @param masquerade whether kube-proxy SNATs the packet
 * @param sourceSeenByEndpoint for each candidate, the source address it sees
 * @param hops the packet's headers before and after each rewrite
 * @param why the reasons for each decision, in plain words
 */
public record TraceResult(Verdict verdict, List<String> endpoints, boolean masquerade,
		Map<String, String> sourceSeenByEndpoint, List<TraceHop> hops, List<String> why) {

}
