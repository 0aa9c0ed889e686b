package io.trafficlab.engine.simulation;

import java.util.ArrayList;
import java.util.List;

import io.trafficlab.engine.apiserver.DeclaredService;
import io.trafficlab.engine.cluster.ClusterDeclaration;
import io.trafficlab.engine.cluster.DeclaredNode;
import io.trafficlab.engine.cluster.DeclaredPod;
import io.trafficlab.engine.cluster.DeclaredPodStatus;
import io.trafficlab.engine.cluster.DeclaredWorkload;
import io.trafficlab.engine.cluster.OwnerReference;
import io.trafficlab.engine.cluster.PodScheduling;
import io.trafficlab.engine.cluster.WorkloadKind;
import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.scheduling.LabelSelector;
import io.trafficlab.engine.simulation.SimulationSnapshot.PodStatus;
import org.jspecify.annotations.Nullable;

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
			DeclaredWorkload successor = successor(world, workload);
			if (successor != null) {
				workloads.add(successor);
			}
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
			if (simWorkload.declared == workload) {
				return simWorkload.exported(workload);
			}
			if (simWorkload.replicaSet == workload) {
				return simWorkload.rolledOut() ? withReplicas(workload, podsOwnedBy(world, workload.name()))
						: simWorkload.exported(workload);
			}
		}
		return workload;
	}

	/**
	 * The ReplicaSet a rollout created for a Deployment whose ReplicaSet was declared:
	 * its pods name it as their owner, so it is exported beside the old one (which keeps
	 * only the pods it still has, as the Deployment controller scales it down to 0).
	 */
	private static @Nullable DeclaredWorkload successor(World world, DeclaredWorkload workload) {
		for (SimWorkload simWorkload : world.workloads) {
			if (simWorkload.replicaSet == workload && simWorkload.rolledOut()) {
				LabelSelector selector = LabelSelector.of(simWorkload.podLabels);
				return new DeclaredWorkload(WorkloadKind.REPLICA_SET, workload.namespace(), simWorkload.podPrefix,
						podsOwnedBy(world, simWorkload.podPrefix), selector, simWorkload.podLabels,
						workload.scheduling(), workload.owners(), workload.shutdown(), workload.rolloutStrategy());
			}
		}
		return null;
	}

	/** The pods a ReplicaSet still counts: those it owns that are not terminating. */
	private static int podsOwnedBy(World world, String replicaSet) {
		int count = 0;
		for (SimPod pod : world.podsByName.values()) {
			if (pod.status != PodStatus.TERMINATING
					&& pod.owners.contains(OwnerReference.of(WorkloadKind.REPLICA_SET, replicaSet))) {
				count++;
			}
		}
		return count;
	}

	private static DeclaredWorkload withReplicas(DeclaredWorkload workload, int replicas) {
		return new DeclaredWorkload(workload.kind(), workload.namespace(), workload.name(), replicas,
				workload.selector(), workload.templateLabels(), workload.scheduling(), workload.owners(),
				workload.shutdown(), workload.rolloutStrategy());
	}

}
