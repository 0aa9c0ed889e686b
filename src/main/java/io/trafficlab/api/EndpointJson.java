package io.trafficlab.api;

import java.util.Map;

import io.trafficlab.engine.analysis.EndpointAnalysis;
import io.trafficlab.engine.model.Endpoint;
import io.trafficlab.engine.model.Fraction;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonSerialize;
import tools.jackson.databind.ser.std.ToStringSerializer;

/**
 * One endpoint of a Service. {@code externalSharePercent} is an addition to the contract.
 *
 * @param ip the endpoint address
 * @param node the node it runs on, {@code null} when unknown
 * @param pod the backing pod, {@code null} when unknown
 * @param ready {@code conditions.ready}
 * @param serving {@code conditions.serving}
 * @param terminating {@code conditions.terminating}
 * @param externalShare its share of all new external connections, exact
 * @param externalSharePercent the same as a percentage
 * @param sourcesSeen each source address it sees and that source's share; the engine's
 * map is written as is, each fraction as its exact text; {@code null} when the request
 * asked for {@code sourcesSeen=false}
 */
record EndpointJson(String ip, @Nullable String node, @Nullable String pod, boolean ready, boolean serving,
		boolean terminating, String externalShare, double externalSharePercent,
		@JsonSerialize(contentUsing = ToStringSerializer.class) @Nullable Map<String, Fraction> sourcesSeen) {

	static EndpointJson of(EndpointAnalysis analysis, boolean withSourcesSeen) {
		Endpoint endpoint = analysis.endpoint();
		return new EndpointJson(endpoint.ip(), endpoint.nodeName(), endpoint.podName(), endpoint.ready(),
				endpoint.serving(), endpoint.terminating(), analysis.externalShare().toString(),
				Percent.of(analysis.externalShare()), withSourcesSeen ? analysis.sourcesSeen() : null);
	}

}
