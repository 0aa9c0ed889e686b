package io.trafficlab.analyzer;

import org.jspecify.annotations.Nullable;

/**
 * What the trace form sends; the manifests come from the analyze form around it.
 *
 * @param traceService the Service, {@code namespace/name}
 * @param traceNode the node where the packet arrives
 * @param traceFrom {@code external}, {@code pod} or {@code node}
 * @param traceTo {@code loadBalancerIP}, {@code nodePort}, {@code clusterIP} or
 * {@code externalIP}
 * @param traceSourceIp the source address, empty for the default
 */
record TraceForm(@Nullable String traceService, @Nullable String traceNode, @Nullable String traceFrom,
		@Nullable String traceTo, @Nullable String traceSourceIp) {

	/** The destination left to the analysis ({@link AnalysisView#defaultTraceTo()}). */
	static TraceForm defaults() {
		return new TraceForm(null, null, FormChoices.DEFAULT_SOURCE, null, null);
	}

	public String sourceIpText() {
		return (this.traceSourceIp != null) ? this.traceSourceIp.strip() : "";
	}

}
