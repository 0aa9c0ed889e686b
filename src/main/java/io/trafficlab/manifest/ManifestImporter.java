package io.trafficlab.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.trafficlab.engine.apiserver.DeclaredService;
import io.trafficlab.engine.cluster.AssembledCluster;
import io.trafficlab.engine.cluster.ClusterAssembler;
import io.trafficlab.engine.cluster.ClusterDeclaration;
import io.trafficlab.engine.cluster.DeclaredEndpointSlice;
import io.trafficlab.engine.cluster.DeclaredNode;
import io.trafficlab.engine.cluster.DeclaredPod;
import io.trafficlab.engine.cluster.DeclaredWorkload;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads Kubernetes manifests into a complete cluster: a multi-document YAML stream,
 * {@code kind: List} (or a typed list such as {@code PodList}), JSON, or any mix,
 * including {@code kubectl get -o yaml} output with its {@code managedFields},
 * {@code status} and unknown fields. It reads Nodes, Services, EndpointSlices
 * (discovery.k8s.io/v1), Pods and apps/v1 Deployments, ReplicaSets, StatefulSets and
 * DaemonSets; other kinds are ignored with a warning naming them. The objects then go
 * through the sandbox's API server and cluster assembly ({@link ClusterAssembler}).
 */
public final class ManifestImporter {

	private static final ObjectMapper CONVERTER = JsonMapper.builder().build();

	private static final int IGNORED_WARNINGS_SHOWN = 20;

	/**
	 * Reads a YAML stream (multi-document, {@code kind: List},
	 * {@code kubectl get -o yaml}) or JSON.
	 * @throws ManifestSyntaxException when the text is not YAML/JSON (names line and
	 * column), or an object has no {@code kind}/{@code apiVersion}, an API version the
	 * kind is not served at, or a field of the wrong type
	 * @throws io.trafficlab.engine.apiserver.InvalidObjectException when the API server
	 * would reject an object
	 * @throws io.trafficlab.engine.cluster.ClusterLimitException when the cluster is over
	 * the limits
	 */
	public ImportedCluster read(InputStream manifests) {
		DeclaredManifests declared = readDeclaration(manifests);
		AssembledCluster assembled = new ClusterAssembler().assemble(declared.declaration());
		List<String> warnings = new ArrayList<>(declared.warnings());
		warnings.addAll(assembled.warnings());
		return new ImportedCluster(assembled.cluster(), warnings);
	}

	/**
	 * Reads the objects the manifests declare, before the cluster is assembled: what the
	 * live sandbox starts its simulation from, so that workloads stay workloads (scaling,
	 * replacing deleted pods).
	 * @throws ManifestSyntaxException as {@link #read(InputStream)}
	 */
	public DeclaredManifests readDeclaration(InputStream manifests) {
		String text;
		try {
			text = new String(manifests.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		ManifestParser parser = new ManifestParser(text);
		Reading reading = new Reading(parser);
		List<SourceDocument> documents = parser.documents();
		for (int i = 0; i < documents.size(); i++) {
			reading.visit(documents.get(i).root(), i, List.of(), null, null);
		}
		reading.summarizeIgnored();
		return new DeclaredManifests(reading.declaration(), reading.warnings, reading.setup.setup(reading.services));
	}

	/**
	 * The state of one read: what has been collected so far.
	 */
	private static final class Reading {

		private final ManifestParser parser;

		private final List<String> warnings = new ArrayList<>();

		private final List<DeclaredNode> nodes = new ArrayList<>();

		private final List<DeclaredService> services = new ArrayList<>();

		private final List<DeclaredPod> pods = new ArrayList<>();

		private final List<DeclaredWorkload> workloads = new ArrayList<>();

		private final List<DeclaredEndpointSlice> slices = new ArrayList<>();

		private final DeclaredSetup.Collector setup = new DeclaredSetup.Collector();

		private int ignored;

		Reading(ManifestParser parser) {
			this.parser = parser;
		}

		void visit(@Nullable JsonNode node, int document, List<Object> path, @Nullable String kindFromList,
				@Nullable String apiVersionFromList) {
			if (node == null || node.isNull() || node.isMissingNode()) {
				return;
			}
			if (node.isArray()) {
				for (int i = 0; i < node.size(); i++) {
					visit(node.get(i), document, append(path, i), kindFromList, apiVersionFromList);
				}
				return;
			}
			if (!node.isObject()) {
				throw error(document, path,
						"expected a Kubernetes object (a mapping with apiVersion and kind), found " + describe(node));
			}
			String kind = text(node, "kind", kindFromList);
			String apiVersion = text(node, "apiVersion", apiVersionFromList);
			if (kind != null && kind.endsWith("List") && node.path("items").isArray()) {
				boolean typed = !kind.equals("List");
				JsonNode items = node.path("items");
				for (int i = 0; i < items.size(); i++) {
					visit(items.get(i), document, append(append(path, "items"), i),
							typed ? kind.substring(0, kind.length() - "List".length()) : null,
							typed ? apiVersion : null);
				}
				return;
			}
			if (kind == null || apiVersion == null) {
				List<String> missing = new ArrayList<>();
				if (apiVersion == null) {
					missing.add("apiVersion not set");
				}
				if (kind == null) {
					missing.add("kind not set");
				}
				throw error(document, path, "error validating data: [" + String.join(", ", missing) + "]");
			}
			String objectKind = kind;
			ReadKind readKind = ReadKind.of(objectKind).orElse(null);
			if (readKind == null) {
				String told = this.setup.take(objectKind, apiVersion, node);
				if (told != null) {
					this.warnings.add(told);
				}
				else {
					ignore(objectKind, node);
				}
				return;
			}
			if (!readKind.apiVersion().equals(apiVersion)) {
				throw error(document, path,
						"no matches for kind \"" + objectKind + "\" in version \"" + apiVersion + "\"");
			}
			collect(readKind, convert(readKind, node, document, path));
		}

		ClusterDeclaration declaration() {
			return new ClusterDeclaration(this.nodes, this.services, this.pods, this.workloads, this.slices);
		}

		void summarizeIgnored() {
			if (this.ignored > IGNORED_WARNINGS_SHOWN) {
				this.warnings.add("... and " + (this.ignored - IGNORED_WARNINGS_SHOWN)
						+ " more object(s) of kinds Traffic Lab does not read are ignored.");
			}
		}

		private HasMetadata convert(ReadKind kind, JsonNode node, int document, List<Object> path) {
			try {
				return CONVERTER.treeToValue(node, kind.type());
			}
			catch (JacksonException ex) {
				List<Object> fieldPath = new ArrayList<>();
				StringBuilder field = new StringBuilder();
				for (JacksonException.Reference reference : ex.getPath()) {
					if (reference.getPropertyName() != null) {
						fieldPath.add(reference.getPropertyName());
						field.append(field.length() > 0 ? "." : "").append(reference.getPropertyName());
					}
					else if (reference.getIndex() >= 0) {
						fieldPath.add(reference.getIndex());
						field.append('[').append(reference.getIndex()).append(']');
					}
				}
				String name = node.path("metadata").path("name").asString("");
				List<Object> full = new ArrayList<>(path);
				full.addAll(fieldPath);
				throw error(document, full, kind.kind() + " \"" + name + "\": " + field + ": "
						+ JacksonMessages.friendly(ex.getOriginalMessage()));
			}
		}

		private void collect(ReadKind kind, HasMetadata object) {
			switch (kind) {
				case NODE -> this.nodes.add(ObjectMapping.node((Node) object));
				case SERVICE -> this.services.add(ObjectMapping.service((Service) object));
				case POD -> this.pods.add(ObjectMapping.pod((Pod) object));
				case ENDPOINT_SLICE -> this.slices.add(ObjectMapping.endpointSlice((EndpointSlice) object));
				case DEPLOYMENT -> this.workloads.add(ObjectMapping.deployment((Deployment) object));
				case REPLICA_SET -> this.workloads.add(ObjectMapping.replicaSet((ReplicaSet) object));
				case STATEFUL_SET -> this.workloads.add(ObjectMapping.statefulSet((StatefulSet) object));
				case DAEMON_SET -> this.workloads.add(ObjectMapping.daemonSet((DaemonSet) object));
			}
		}

		private void ignore(String kind, JsonNode node) {
			this.ignored++;
			if (this.ignored > IGNORED_WARNINGS_SHOWN) {
				return;
			}
			JsonNode metadata = node.path("metadata");
			String name = metadata.path("name").asString("");
			String namespace = metadata.path("namespace").asString("");
			String where = IgnoredKinds.clusterScoped(kind) ? name
					: (namespace.isEmpty() ? "default" : namespace) + "/" + name;
			this.warnings.add(kind + " " + where + " is ignored: " + IgnoredKinds.reason(kind));
		}

		private ManifestSyntaxException error(int document, List<Object> path, String message) {
			int[] location = this.parser.locate(document, path);
			int line = (location != null) ? location[0] : 1;
			int column = (location != null) ? location[1] : 1;
			return new ManifestSyntaxException("line " + line + ", column " + column + ": " + message, line, column);
		}

		private static @Nullable String text(JsonNode node, String field, @Nullable String fallback) {
			JsonNode value = node.get(field);
			if (value == null || value.isNull() || !value.isValueNode() || value.asString("").isEmpty()) {
				return fallback;
			}
			return value.asString();
		}

		private static String describe(JsonNode node) {
			if (node.isString()) {
				return "the text \"" + node.asString() + "\"";
			}
			if (node.isNumber()) {
				return "the number " + node.asString();
			}
			return node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
		}

		private static List<Object> append(List<Object> path, Object step) {
			List<Object> longer = new ArrayList<>(path);
			longer.add(step);
			return longer;
		}

	}

}
