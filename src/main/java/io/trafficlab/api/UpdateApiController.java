package io.trafficlab.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.trafficlab.engine.analysis.AnalysisOptions;
import io.trafficlab.engine.analysis.ClusterAnalysis;
import io.trafficlab.engine.analysis.ClusterAnalyzer;
import io.trafficlab.engine.apiserver.DeclaredService;
import io.trafficlab.engine.cluster.ClusterDeclaration;
import io.trafficlab.engine.cluster.ClusterEditor;
import io.trafficlab.engine.cluster.ServiceUpdate;
import io.trafficlab.engine.model.Cluster;
import io.trafficlab.engine.model.Service;
import io.trafficlab.manifest.DeclaredManifests;
import io.trafficlab.manifest.ImportedCluster;
import io.trafficlab.manifest.ManifestImporter;
import io.trafficlab.manifest.ManifestSyntaxException;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/update}: what {@code kubectl apply} or {@code kubectl edit} of
 * existing Services does to a cluster, through the API server's update path
 * ({@link ClusterEditor#update}), then the analysis of the cluster after it. Nothing is
 * kept between requests.
 */
@RestController
record UpdateApiController(ManifestImporter importer, ClusterAnalyzer analyzer, JsonMapper json) {

	private static final String BODY_SHAPE = "Send {\"current\": \"<manifests as YAML or JSON>\", "
			+ "\"apply\": \"<the changed Services, YAML or JSON>\"} as application/json.";

	@PostMapping(path = "/api/v1/update", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<UpdateJson> update(@RequestParam(name = "lb", required = false) @Nullable String lb,
			@RequestParam(name = "loadBalancer", required = false) @Nullable String loadBalancerId,
			@RequestParam(name = "dataplane", required = false) @Nullable String dataplaneId,
			@RequestParam(name = "network", required = false) @Nullable String networkId, HttpServletRequest request)
			throws IOException, HttpMediaTypeNotSupportedException {
		AnalysisOptions options = QueryParameters.analysisOptions(lb, loadBalancerId, dataplaneId, networkId,
				AnalysisOptions.DEFAULT_CLIENT_IP, null);
		JsonNode body = body(ManifestRequestBody.read(request));
		String currentText = text(body, "current");
		String applyText = text(body, "apply");
		ImportedCluster current = namingText("current", () -> this.importer.read(stream(currentText)));
		DeclaredManifests apply = namingText("apply", () -> this.importer.readDeclaration(stream(applyText)));
		List<DeclaredService> requests = servicesOnly(apply.declaration());
		Cluster cluster = current.cluster();
		List<UpdateJson.UpdatedObjectJson> updates = new ArrayList<>();
		for (DeclaredService service : requests) {
			requireStored(cluster, service);
			ServiceUpdate update = updated(cluster, service);
			cluster = update.cluster();
			updates.add(new UpdateJson.UpdatedObjectJson(service.namespace(), service.name(), "Service",
					update.released(), update.allocated()));
		}
		List<String> warnings = new ArrayList<>(current.warnings());
		apply.warnings().forEach((warning) -> warnings.add("apply: " + warning));
		ImportedCluster updated = new ImportedCluster(cluster, warnings);
		ClusterAnalysis analysis = this.analyzer.analyze(cluster, options);
		ResponseBudget.check(analysis, true);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.body(UpdateJson.of(AnalysisJson.of(analysis, updated, true, options.network()), updates));
	}

	private JsonNode body(byte[] bytes) {
		JsonNode body;
		try {
			body = this.json.readTree(bytes);
		}
		catch (JacksonException ex) {
			TokenStreamLocation location = ex.getLocation();
			String position = (location != null)
					? " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")" : "";
			throw new InvalidRequestException("The request body is not JSON" + position + ". " + BODY_SHAPE);
		}
		if (body == null || !body.isObject()) {
			throw new InvalidRequestException("The request body is not a JSON object. " + BODY_SHAPE);
		}
		return body;
	}

	private static String text(JsonNode body, String field) {
		JsonNode value = body.get(field);
		if (value == null || value.isNull()) {
			throw new InvalidRequestException("\"" + field + "\" is missing. " + BODY_SHAPE);
		}
		if (!value.isString() || value.asString().isBlank()) {
			throw new InvalidRequestException("\"" + field + "\" must be manifests as one string of YAML or JSON text, "
					+ "not empty. " + BODY_SHAPE);
		}
		return value.asString();
	}

	private static ByteArrayInputStream stream(String text) {
		return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
	}

	/** Says which of the two texts a syntax error is in; its line is that text's. */
	private static <T> T namingText(String field, java.util.function.Supplier<T> reading) {
		try {
			return reading.get();
		}
		catch (ManifestSyntaxException ex) {
			throw new ManifestSyntaxException("In \"" + field + "\": " + ex.getMessage(), ex.line(), ex.column());
		}
	}

	private static List<DeclaredService> servicesOnly(ClusterDeclaration apply) {
		int others = apply.nodes().size() + apply.pods().size() + apply.workloads().size()
				+ apply.endpointSlices().size();
		if (others > 0) {
			throw new InvalidRequestException("POST /api/v1/update updates Services only; \"apply\" also holds "
					+ others + " other object(s) (Nodes, Pods, workloads or EndpointSlices). Put those in "
					+ "\"current\" as they should be.");
		}
		if (apply.services().isEmpty()) {
			throw new InvalidRequestException("\"apply\" holds no Service to update. " + BODY_SHAPE);
		}
		return apply.services();
	}

	/**
	 * An update is not a create: kube-apiserver answers a PUT to a missing object with
	 * 404, as {@code kubectl replace} shows it.
	 */
	private static void requireStored(Cluster cluster, DeclaredService request) {
		for (Service service : cluster.services()) {
			if (service.ref().equals(request.ref())) {
				return;
			}
		}
		throw new ObjectNotFoundException("services " + quoted(request.name()) + " not found");
	}

	private static ServiceUpdate updated(Cluster cluster, DeclaredService request) {
		try {
			return ClusterEditor.update(cluster, request);
		}
		catch (IllegalArgumentException ex) {
			// an ExternalName Service, which the sandbox does not model
			throw new InvalidRequestException(String.valueOf(ex.getMessage()));
		}
	}

	private static String quoted(String name) {
		return "\"" + Objects.requireNonNull(name).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

}
