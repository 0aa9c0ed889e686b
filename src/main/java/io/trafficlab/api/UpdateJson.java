package io.trafficlab.api;

import java.util.List;

import io.trafficlab.engine.net.NetworkModel;

/**
 * The {@code POST /api/v1/update} response: the analyze response of the cluster after the
 * update, and what each update freed and took.
 *
 * @param services as {@link AnalysisJson}
 * @param warnings as {@link AnalysisJson}
 * @param network as {@link AnalysisJson}
 * @param updates one entry per updated object, in the order {@code apply} lists them
 */
record UpdateJson(List<ServiceJson> services, List<String> warnings, NetworkModel network,
		List<UpdatedObjectJson> updates) {

	static UpdateJson of(AnalysisJson analysis, List<UpdatedObjectJson> updates) {
		return new UpdateJson(analysis.services(), analysis.warnings(), analysis.network(), List.copyOf(updates));
	}

	/**
	 * One updated object.
	 *
	 * @param namespace its namespace
	 * @param name its name
	 * @param kind its kind ({@code Service})
	 * @param released node ports and health-check node ports the update freed
	 * @param allocated node ports and health-check node ports the update took
	 */
	record UpdatedObjectJson(String namespace, String name, String kind, List<Integer> released,
			List<Integer> allocated) {

	}

}
