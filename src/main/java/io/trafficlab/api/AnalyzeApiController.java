package io.trafficlab.api;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.trafficlab.engine.analysis.AnalysisOptions;
import io.trafficlab.engine.analysis.ClusterAnalysis;
import io.trafficlab.engine.analysis.ClusterAnalyzer;
import io.trafficlab.manifest.ImportedCluster;
import io.trafficlab.manifest.ManifestImporter;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/analyze}: every Service's per-node and per-endpoint share of
 * external traffic.
 */
@RestController
record AnalyzeApiController(ManifestImporter importer, ClusterAnalyzer analyzer) {

	@PostManifests("/api/v1/analyze")
	ResponseEntity<AnalysisJson> analyze(@RequestParam(name = "lb", required = false) @Nullable String lb,
			@RequestParam(name = "clientIp", required = false) @Nullable String clientIp,
			@RequestParam(name = "node", required = false) @Nullable List<String> nodes,
			@RequestParam(name = "sourcesSeen", required = false) @Nullable String sourcesSeen,
			@RequestParam(name = "loadBalancer", required = false) @Nullable String loadBalancerId,
			@RequestParam(name = "dataplane", required = false) @Nullable String dataplaneId,
			@RequestParam(name = "network", required = false) @Nullable String networkId, HttpServletRequest request)
			throws IOException, HttpMediaTypeNotSupportedException {
		boolean withSourcesSeen = sourcesSeen == null || QueryParameters.bool("sourcesSeen", sourcesSeen);
		String client = Objects.requireNonNullElse(QueryParameters.ipAddress("clientIp", clientIp),
				AnalysisOptions.DEFAULT_CLIENT_IP);
		AnalysisOptions options = QueryParameters.analysisOptions(lb, loadBalancerId, dataplaneId, networkId, client,
				onlyNodes(nodes));
		ImportedCluster imported = ManifestRequestBody.imported(request, this.importer);
		ClusterAnalysis analysis = this.analyzer.analyze(imported.cluster(), options);
		ResponseBudget.check(analysis, withSourcesSeen);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.body(AnalysisJson.of(analysis, imported, withSourcesSeen, options.network()));
	}

	/**
	 * Unknown names are not refused: the analysis lists no such node and warns about it.
	 */
	private static @Nullable Set<String> onlyNodes(@Nullable List<String> nodes) {
		if (nodes == null || nodes.stream().allMatch(QueryParameters::isBlank)) {
			return null;
		}
		Set<String> onlyNodes = new LinkedHashSet<>();
		nodes.stream().filter((node) -> !QueryParameters.isBlank(node)).forEach(onlyNodes::add);
		return onlyNodes;
	}

}
