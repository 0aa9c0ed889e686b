package io.trafficlab.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.trafficlab.engine.analysis.ClusterAnalysis;
import io.trafficlab.engine.model.Node;
import io.trafficlab.engine.net.NetworkModel;
import io.trafficlab.manifest.ImportedCluster;

/**
 * The {@code POST /api/v1/analyze} response.
 *
 * @param services one entry per Service
 * @param warnings what the import ignored or filled in, then what the analysis noticed
 * @param network the pod network the source addresses assume
 */
record AnalysisJson(List<ServiceJson> services, List<String> warnings, NetworkModel network) {

	static AnalysisJson of(ClusterAnalysis analysis, ImportedCluster imported, boolean withSourcesSeen,
			NetworkModel network) {
		Map<String, Node> nodes = imported.cluster()
			.nodes()
			.stream()
			.collect(Collectors.toMap(Node::name, Function.identity(), (first, second) -> first));
		List<String> warnings = new ArrayList<>(imported.warnings());
		warnings.addAll(analysis.warnings());
		return new AnalysisJson(
				MappedList.of(analysis.services(), (service) -> ServiceJson.of(service, nodes, withSourcesSeen)),
				warnings, network);
	}

}
