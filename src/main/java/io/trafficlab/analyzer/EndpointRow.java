package io.trafficlab.analyzer;

import java.util.List;

import io.trafficlab.engine.analysis.EndpointAnalysis;
import io.trafficlab.engine.model.Endpoint;
import org.jspecify.annotations.Nullable;

/**
 * One endpoint's row: which pod, where, in what state, and what it receives.
 *
 * @param pod the pod name, or {@code null} when the EndpointSlice names none
 * @param node the node, or {@code null}
 * @param ip the endpoint IP
 * @param state {@code ready}, {@code terminating (still serving)}, ...
 * @param ready whether the endpoint is ready
 * @param share its share of all new external connections
 * @param sources the sources it sees, with their shares (at most {@value #MAX_SOURCES})
 * @param moreSources how many further sources are not listed
 */
record EndpointRow(@Nullable String pod, @Nullable String node, String ip, String state, boolean ready, Share share,
		List<SourceShare> sources, int moreSources) {

	static final int MAX_SOURCES = 8;

	static EndpointRow of(EndpointAnalysis analysis) {
		Endpoint endpoint = analysis.endpoint();
		List<SourceShare> sources = analysis.sourcesSeen()
			.entrySet()
			.stream()
			.limit(MAX_SOURCES)
			.map((source) -> new SourceShare(source.getKey(), Share.of(source.getValue())))
			.toList();
		return new EndpointRow(endpoint.podName(), endpoint.nodeName(), endpoint.ip(), stateOf(endpoint),
				endpoint.ready(), Share.of(analysis.externalShare()), sources,
				Math.max(0, analysis.sourcesSeen().size() - MAX_SOURCES));
	}

	private static String stateOf(Endpoint endpoint) {
		if (endpoint.ready()) {
			return endpoint.terminating() ? "ready, terminating" : "ready";
		}
		if (endpoint.terminating()) {
			return endpoint.serving() ? "terminating, still serving" : "terminating";
		}
		return "not ready";
	}

	/**
	 * A source address an endpoint sees.
	 *
	 * @param address the address
	 * @param share its share of all new external connections
	 */
	record SourceShare(String address, Share share) {

	}

}
