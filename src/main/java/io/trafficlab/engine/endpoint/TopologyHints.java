package io.trafficlab.engine.endpoint;

import java.util.Set;

import io.trafficlab.engine.model.Endpoint;
import io.trafficlab.engine.model.TrafficDistribution;
import org.jspecify.annotations.Nullable;

/**
 * The hints the EndpointSlice controller writes for a Service's
 * {@code trafficDistribution} (R7): with {@code PreferClose}, {@code PreferSameZone} or
 * {@code PreferSameNode}, every Ready endpoint gets a zone hint for its own zone (when it
 * has one), and with {@code PreferSameNode} also a node hint for its own node; an
 * endpoint that is not Ready gets none. With no {@code trafficDistribution} every hint is
 * removed. Applied to the endpoints derived from pods ({@code cluster/EndpointBuilder})
 * and again when a command changes the Service's {@code trafficDistribution}
 * ({@code cluster/ClusterEditor}). The older {@code topology-mode: Auto} annotation's
 * proportional hints are out of scope.
 */
public final class TopologyHints {

	private TopologyHints() {
	}

	/**
	 * The endpoint with the hints the controller would write for
	 * {@code trafficDistribution}; the same endpoint when its hints are those already.
	 */
	public static Endpoint apply(@Nullable TrafficDistribution trafficDistribution, Endpoint endpoint) {
		if (trafficDistribution == null || !endpoint.ready()) {
			return withHints(endpoint, Set.of(), Set.of());
		}
		Set<String> zoneHints = (endpoint.zone() != null) ? Set.of(endpoint.zone()) : Set.of();
		Set<String> nodeHints = (trafficDistribution == TrafficDistribution.PREFER_SAME_NODE
				&& endpoint.nodeName() != null) ? Set.of(endpoint.nodeName()) : Set.of();
		return withHints(endpoint, zoneHints, nodeHints);
	}

	private static Endpoint withHints(Endpoint endpoint, Set<String> zoneHints, Set<String> nodeHints) {
		if (endpoint.zoneHints().equals(zoneHints) && endpoint.nodeHints().equals(nodeHints)) {
			return endpoint;
		}
		return new Endpoint(endpoint.ip(), endpoint.nodeName(), endpoint.zone(), endpoint.ready(), endpoint.serving(),
				endpoint.terminating(), zoneHints, nodeHints, endpoint.podName());
	}

}
