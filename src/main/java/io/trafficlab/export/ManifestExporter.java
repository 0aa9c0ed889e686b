package io.trafficlab.export;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.trafficlab.engine.apiserver.DeclaredService;
import io.trafficlab.engine.balancer.Dataplane;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.cluster.ClusterDeclaration;
import io.trafficlab.engine.cluster.DeclaredNode;
import io.trafficlab.engine.cluster.DeclaredPod;
import io.trafficlab.engine.cluster.DeclaredWorkload;
import io.trafficlab.engine.net.NetworkModel;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Writes a {@link ClusterDeclaration} as a multi-document YAML stream that
 * {@code kubectl apply} accepts and {@link io.trafficlab.manifest.ManifestImporter} reads
 * back into the same declaration: the Nodes, the Services as stored, every Pod pinned to
 * its node with {@code spec.nodeName} (so the placement is reproduced exactly, with its
 * status: IP, readiness, terminating), and the workloads with their current replica
 * counts. EndpointSlices are left out: the sandbox derives them from the pods.
 */
public final class ManifestExporter {

	private static final ObjectMapper YAML = YAMLMapper.builder()
		.disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
		.enable(YAMLWriteFeature.MINIMIZE_QUOTES)
		.changeDefaultPropertyInclusion((include) -> include.withValueInclusion(JsonInclude.Include.NON_EMPTY))
		.build();

	private ManifestExporter() {
	}

	/** The declaration as YAML documents separated by {@code ---}. */
	public static String yaml(ClusterDeclaration declaration) {
		return documents(objects(declaration));
	}

	private static String documents(List<HasMetadata> objects) {
		StringBuilder out = new StringBuilder();
		for (HasMetadata object : objects) {
			if (!out.isEmpty()) {
				out.append("---\n");
			}
			out.append(YAML.writeValueAsString(object));
		}
		return out.toString();
	}

	/**
	 * The declaration with the load balancer and dataplane in front of it, as a real
	 * cluster declares them ({@link SetupExport}): what {@code Export as YAML} downloads.
	 * {@link io.trafficlab.manifest.ManifestImporter} reads the setup back where the
	 * manifests can name it.
	 */
	public static String yaml(ClusterDeclaration declaration, LoadBalancerKind kind, Dataplane dataplane) {
		return yaml(declaration, kind, dataplane, NetworkModel.DEFAULT);
	}

	/**
	 * As {@link #yaml(ClusterDeclaration, LoadBalancerKind, Dataplane)}, with the pod
	 * network named in the header (no object in the manifests names a CNI the importer
	 * reads).
	 */
	public static String yaml(ClusterDeclaration declaration, LoadBalancerKind kind, Dataplane dataplane,
			NetworkModel network) {
		List<HasMetadata> objects = new ArrayList<>();
		for (HasMetadata object : objects(declaration)) {
			objects.add((object instanceof Service service) ? SetupExport.annotated(service, kind) : object);
		}
		objects.addAll(SetupExport.objects(kind, dataplane));
		return SetupExport.header(kind, dataplane, network) + documents(objects);
	}

	/**
	 * One Service as {@code kubectl get service -o yaml} shows it, with the annotations
	 * that ask for {@code kind}: the same document {@link #yaml} writes for it.
	 */
	public static String serviceYaml(DeclaredService service, LoadBalancerKind kind) {
		return YAML.writeValueAsString(SetupExport.annotated(ServiceExport.service(service), kind));
	}

	/**
	 * The declaration as fabric8 objects, in {@code kubectl apply} order: nodes,
	 * services, workloads, pods.
	 */
	static List<HasMetadata> objects(ClusterDeclaration declaration) {
		Containers containers = Containers.serving(declaration.services());
		List<HasMetadata> objects = new ArrayList<>();
		for (DeclaredNode node : declaration.nodes()) {
			objects.add(NodeExport.node(node));
		}
		declaration.services().forEach((service) -> objects.add(ServiceExport.service(service)));
		for (DeclaredWorkload workload : declaration.workloads()) {
			objects.add(WorkloadExport.workload(workload, containers));
		}
		for (DeclaredPod pod : declaration.pods()) {
			objects.add(PodExport.pod(pod, containers));
		}
		return objects;
	}

}
