package io.trafficlab.engine.simulation;

import java.util.ArrayList;
import java.util.List;

import io.trafficlab.engine.apiserver.DeclaredService;
import io.trafficlab.engine.cluster.ClusterDeclaration;
import io.trafficlab.engine.cluster.DeclaredNode;
import io.trafficlab.engine.cluster.DeclaredPod;
import io.trafficlab.engine.cluster.DeclaredPodStatus;
import io.trafficlab.engine.cluster.DeclaredWorkload;
import io.trafficlab.engine.cluster.PodScheduling;
import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.simulation.SimulationSnapshot.PodStatus;

/**
 * Writes the world as manifests, the way {@code kubectl get -o yaml} would show it: nodes
 * with their addresses, Services as stored, every pod with its node, IP, readiness and
 * owner (so workloads are not expanded again), and workloads with their current replica
 * counts.
 */
final class WorldExport {

	private WorldExport() {
	}

	static ClusterDeclaration declaration(World world) {
		List<DeclaredNode> nodes = new ArrayList<>();
		for (SimNode node : world.nodesByName.values()) {
			nodes.add(node.declared);
		}
		List<DeclaredService> services = new ArrayList<>();
		for (Service service : world.services) {
			services.add(world.declared(service));
		}
		services.addAll(world.ignoredServices);
		List<DeclaredPod> pods = new ArrayList<>();
		for (SimPod pod : world.podsByName.values()) {
			pods.add(pod(pod));
		}
		pods.addAll(world.finishedPods);
		List<DeclaredWorkload> workloads = new ArrayList<>();
		for (DeclaredWorkload workload : world.declaredWorkloads) {
			workloads.add(exported(world, workload));
		}
		return new ClusterDeclaration(nodes, services, pods, workloads, world.slices);
	}

	private static DeclaredPod pod(SimPod pod) {
		PodScheduling scheduling = new PodScheduling((pod.node != null) ? pod.node.name : null,
				pod.scheduling.nodeSelector(), pod.scheduling.tolerations(), pod.scheduling.spreadConstraints());
		String phase = (pod.status == PodStatus.PENDING) ? "Pending" : "Running";
		return new DeclaredPod(pod.namespace, pod.name, pod.labels, scheduling,
				new DeclaredPodStatus(phase, pod.ip, pod.serving()), pod.status == PodStatus.TERMINATING, pod.owners,
				pod.shutdown);
	}

	private static DeclaredWorkload exported(World world, DeclaredWorkload workload) {
		for (SimWorkload simWorkload : world.workloads) {
			if (simWorkload.declared == workload || simWorkload.replicaSet == workload) {
				return simWorkload.exported(workload);
			}
		}
		return workload;
	}

}
