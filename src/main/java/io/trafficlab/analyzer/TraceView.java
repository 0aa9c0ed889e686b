package io.trafficlab.analyzer;

import java.util.ArrayList;
import java.util.List;

import io.trafficlab.engine.proxy.TraceHop;
import io.trafficlab.engine.proxy.TraceResult;
import io.trafficlab.engine.proxy.Verdict;

/**
 * One traced packet: what happened, why, and its headers at every step.
 *
 * @param summary what was traced, e.g.
 * {@code an external client → loadBalancerIP of default/web, arriving at n3}
 * @param verdict {@code DNAT}, {@code DROP} or {@code REJECT}
 * @param outcome what the verdict means for the client
 * @param masquerade whether kube-proxy SNATs the packet
 * @param endpoints the candidate endpoints with the source each sees
 * @param hops each step with the headers before and after it
 * @param why the reasons, in plain words
 */
record TraceView(String summary, String verdict, String outcome, boolean masquerade, List<Candidate> endpoints,
		List<HopRow> hops, List<String> why) {

	static TraceView of(String summary, TraceResult result) {
		List<Candidate> endpoints = result.endpoints()
			.stream()
			.map((ip) -> new Candidate(ip, result.sourceSeenByEndpoint().getOrDefault(ip, "")))
			.toList();
		return new TraceView(summary, result.verdict().apiName(), outcome(result), result.masquerade(), endpoints,
				HopRow.of(result.hops()), result.why());
	}

	public boolean delivered() {
		return Verdict.DNAT.apiName().equals(this.verdict);
	}

	public String masqueradeText() {
		if (!delivered()) {
			return this.masquerade ? "yes, but the packet is not delivered" : "no: the packet is not delivered";
		}
		return this.masquerade ? "yes: the source address is rewritten" : "no: the endpoint sees the original source";
	}

	private static String outcome(TraceResult result) {
		if (result.verdict() == Verdict.DNAT) {
			int count = result.endpoints().size();
			return (count == 1) ? "Delivered to the only candidate endpoint."
					: "Delivered to one of " + count + " endpoints, picked at random for each new connection.";
		}
		return (result.verdict() == Verdict.DROP) ? "Dropped silently: the client waits until it times out."
				: "Refused at once: the client sees “connection refused”.";
	}

	/**
	 * A candidate endpoint.
	 *
	 * @param ip the endpoint IP
	 * @param sourceSeen the source address it sees
	 */
	record Candidate(String ip, String sourceSeen) {

	}

	/**
	 * One step, with the packet's source and destination before and after it.
	 *
	 * @param at where the step happens
	 * @param step what the rules do
	 * @param srcBefore the source before the step
	 * @param dstBefore the destination before the step
	 * @param src the source after the step
	 * @param dst the destination after the step
	 */
	record HopRow(String at, String step, String srcBefore, String dstBefore, String src, String dst) {

		static List<HopRow> of(List<TraceHop> hops) {
			List<HopRow> rows = new ArrayList<>();
			TraceHop previous = null;
			for (TraceHop hop : hops) {
				TraceHop before = (previous != null) ? previous : hop;
				rows.add(new HopRow(hop.at(), hop.step(), before.src(), before.dst(), hop.src(), hop.dst()));
				previous = hop;
			}
			return rows;
		}

		public boolean srcChanged() {
			return !this.srcBefore.equals(this.src);
		}

		public boolean dstChanged() {
			return !this.dstBefore.equals(this.dst);
		}

	}

}
