package io.trafficlab.sandbox;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.trafficlab.engine.apiserver.DeclaredService;
import io.trafficlab.engine.cluster.ClusterDeclaration;
import io.trafficlab.engine.cluster.DeclaredNode;
import io.trafficlab.engine.cluster.DeclaredPod;
import io.trafficlab.engine.cluster.DeclaredPodStatus;
import io.trafficlab.engine.cluster.PodScheduling;
import io.trafficlab.engine.model.Cluster;
import io.trafficlab.engine.model.Node;
import io.trafficlab.engine.model.Pod;
import io.trafficlab.manifest.ManifestImporter;

import org.springframework.stereotype.Component;

/**
 * Turns manifests into the declaration a simulation starts from.
 *
 * <p>
 * Interim: {@link ManifestImporter} only hands out the assembled cluster, so the declaration is rebuilt from it, pod by
 * pod. Syntax errors, API-server rejections and limits are reported exactly as by {@code /api/v1/analyze}, but the
 * workloads (Deployments, ...) and hand-written EndpointSlices are lost on the way: their pods become bare pods, which
 * a simulation cannot scale or replace. This goes away once the importer offers the declaration itself
 * ({@code ManifestImporter.readDeclaration(InputStream)}).
 */
@Component
class ClusterReader {

	private static final String PROXY_HEALTHY_ANNOTATION = "trafficlab.io/kube-proxy-healthy";

	private final ManifestImporter importer;

	ClusterReader(ManifestImporter importer) {
		this.importer = importer;
	}

	ClusterDeclaration read(String manifests) {
		Cluster cluster = this.importer.read(new ByteArrayInputStream(manifests.getBytes(StandardCharsets.UTF_8)))
			.cluster();
		return new ClusterDeclaration(cluster.nodes().stream().map(ClusterReader::node).toList(),
				cluster.services().stream().map(DeclaredService::from).toList(),
				cluster.pods().stream().map(ClusterReader::pod).toList(), List.of(), List.of());
	}

	private static DeclaredNode node(Node node) {
		Map<String, String> annotations = node.proxyHealthy() ? Map.of() : Map.of(PROXY_HEALTHY_ANNOTATION, "false");
		return new DeclaredNode(node.name(), node.labels(), annotations, node.internalIp(), node.podCidr(),
				node.taints(), node.deleting(), node.unschedulable());
	}

	private static DeclaredPod pod(Pod pod) {
		PodScheduling scheduling = (pod.nodeName() != null) ? PodScheduling.on(pod.nodeName()) : PodScheduling.ANYWHERE;
		DeclaredPodStatus status = new DeclaredPodStatus((pod.nodeName() != null) ? "Running" : "Pending", pod.ip(),
				pod.ready());
		return new DeclaredPod(pod.namespace(), pod.name(), pod.labels(), scheduling, status, pod.terminating(),
				List.of());
	}

}
