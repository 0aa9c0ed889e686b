package io.trafficlab.api;

import java.util.List;

import io.trafficlab.engine.analysis.ClusterAnalysis;
import io.trafficlab.engine.analysis.EndpointAnalysis;
import io.trafficlab.engine.analysis.NodeAnalysis;
import io.trafficlab.engine.analysis.ServiceAnalysis;
import io.trafficlab.system.RefusedRequestException;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * Keeps an analyze response to a size a person or a script can use. The per-node endpoint
 * lists and, under {@code externalTrafficPolicy: Cluster}, the per-endpoint source lists
 * grow as nodes × endpoints: 5,000 nodes with 50,000 pods would list 250 million
 * addresses (gigabytes of JSON). The budget is counted before anything is written, from
 * sizes the engine knows without building the lists.
 */
final class ResponseBudget {

	/**
	 * At most this many listed addresses (endpoint IPs plus sources) in one response,
	 * about 40 MB of JSON.
	 */
	static final long MAX_LISTED_ADDRESSES = 2_000_000;

	private ResponseBudget() {
	}

	/**
	 * @throws ResponseTooLargeException naming the limit and how to narrow the request
	 */
	static void check(ClusterAnalysis analysis, boolean withSourcesSeen) {
		long endpointSets = 0;
		long sources = 0;
		for (ServiceAnalysis service : analysis.services()) {
			for (NodeAnalysis node : service.nodes()) {
				endpointSets += size(node.clusterEndpoints()) + size(node.localEndpoints());
			}
			if (withSourcesSeen) {
				for (EndpointAnalysis endpoint : service.endpoints()) {
					sources += endpoint.sourcesSeen().size();
				}
			}
		}
		if (endpointSets + sources > MAX_LISTED_ADDRESSES) {
			throw new ResponseTooLargeException(message(endpointSets, sources));
		}
	}

	private static long size(@Nullable List<String> list) {
		return (list != null) ? list.size() : 0;
	}

	private static String message(long endpointSets, long sources) {
		StringBuilder message = new StringBuilder("The response would list ")
			.append(String.format("%,d", endpointSets + sources))
			.append(" addresses (")
			.append(String.format("%,d", endpointSets))
			.append(" in per-node endpoint sets, ")
			.append(String.format("%,d", sources))
			.append(" in per-endpoint sourcesSeen); the limit is ")
			.append(String.format("%,d", MAX_LISTED_ADDRESSES))
			.append(". Narrow it with node=<name> (repeatable) to list fewer nodes");
		if (sources > 0) {
			message.append(" and sourcesSeen=false to leave out the source addresses");
		}
		return message.append('.').toString();
	}

	/**
	 * Refused with {@code 422}: the cluster is fine, the answer would be too big to be
	 * useful.
	 */
	static final class ResponseTooLargeException extends RefusedRequestException {

		ResponseTooLargeException(String message) {
			super(HttpStatus.UNPROCESSABLE_CONTENT, message);
		}

	}

}
