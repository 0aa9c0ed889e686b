package io.trafficlab.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.trafficlab.engine.model.Cluster;
import io.trafficlab.engine.model.Node;
import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.model.ServiceRef;
import io.trafficlab.engine.proxy.TraceRequest;
import io.trafficlab.engine.rules.NodeRules;
import io.trafficlab.engine.proxy.ProxyMode;
import io.trafficlab.engine.rules.RulesScope;
import io.trafficlab.manifest.ManifestImporter;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/rules}: the rules one node's kube-proxy writes for the manifests,
 * as {@code iptables-restore} input (text) or as chains (JSON).
 */
@RestController
record RulesApiController(ManifestImporter importer, RulesProxiers proxiers) {

	static final MediaType TEXT = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

	@PostManifests("/api/v1/rules")
	ResponseEntity<?> rules(@RequestParam(name = "node", required = false) @Nullable String node,
			@RequestParam(name = "mode", required = false) @Nullable String mode,
			@RequestParam(name = "service", required = false) @Nullable String service,
			@RequestParam(name = "clusterCidr", required = false) @Nullable String clusterCidr,
			@RequestParam(name = "masqueradeAll", required = false) @Nullable String masqueradeAll,
			HttpServletRequest request) throws IOException, HttpMediaTypeNotSupportedException {
		ProxyMode proxyMode = QueryParameters.oneOf("mode", mode, ProxyMode.class, ProxyMode.IPTABLES);
		String detector = QueryParameters.clusterCidr("clusterCidr", clusterCidr, TraceRequest.NO_DETECTOR);
		boolean masqueradeEverything = QueryParameters.bool("masqueradeAll", masqueradeAll);
		Cluster cluster = ManifestRequestBody.imported(request, this.importer).cluster();
		String nodeName = node(node, cluster);
		RulesScope scope = new RulesScope(service(service, cluster), detector, masqueradeEverything);
		NodeRules rules = write(proxyMode, cluster, nodeName, scope);
		if (wantsJson(request)) {
			return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(RulesJson.of(rules));
		}
		return ResponseEntity.ok().contentType(TEXT).body(rules.text());
	}

	private NodeRules write(ProxyMode mode, Cluster cluster, String node, RulesScope scope) {
		try {
			return this.proxiers.writer(mode).write(cluster, node, scope);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequestException(String.valueOf(ex.getMessage()));
		}
	}

	/** JSON when the client ranks {@code application/json} above {@code text/plain}. */
	private static boolean wantsJson(HttpServletRequest request) {
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		if (QueryParameters.isBlank(accept)) {
			return false;
		}
		List<MediaType> types;
		try {
			types = MediaType.parseMediaTypes(accept);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		types = new java.util.ArrayList<>(types);
		types.sort(java.util.Comparator.comparingDouble(MediaType::getQualityValue).reversed());
		for (MediaType type : types) {
			if (type.isCompatibleWith(MediaType.TEXT_PLAIN) && !type.isWildcardType()) {
				return false;
			}
			if (type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardType()) {
				return true;
			}
		}
		return false;
	}

	/**
	 * {@code namespace/name} or a name in {@code default}; {@code null} for every
	 * Service.
	 */
	static @Nullable ServiceRef service(@Nullable String value, Cluster cluster) {
		if (QueryParameters.isBlank(value)) {
			return null;
		}
		List<ServiceRef> services = cluster.services().stream().map(Service::ref).toList();
		List<String> names = services.stream().map(ServiceRef::toString).toList();
		String qualified = value.contains("/") ? value : "default/" + value;
		QueryParameters.requireKnown("service", qualified, names, "Service");
		return services.get(names.indexOf(qualified));
	}

	private static String node(@Nullable String value, Cluster cluster) {
		List<String> nodes = cluster.nodes().stream().map(Node::name).toList();
		return QueryParameters.requireKnown("node", value, nodes, "node", "the node whose kube-proxy writes the rules");
	}

}
