package io.trafficlab.analyzer;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The Cluster or Local endpoint set a node's kube-proxy computes for a Service.
 *
 * @param used whether the node uses this set at all
 * @param count how many endpoints it holds
 * @param addresses the endpoint IPs, comma-separated
 */
record EndpointSetView(boolean used, int count, String addresses) {

	private static final int MAX_LISTED = 8;

	static EndpointSetView of(@Nullable List<String> endpoints) {
		if (endpoints == null) {
			return new EndpointSetView(false, 0, "");
		}
		String listed = String.join(", ", endpoints.subList(0, Math.min(endpoints.size(), MAX_LISTED)));
		return new EndpointSetView(true, endpoints.size(), (endpoints.size() > MAX_LISTED) ? listed + ", …" : listed);
	}

}
