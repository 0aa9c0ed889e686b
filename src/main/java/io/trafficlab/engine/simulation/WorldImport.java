package io.trafficlab.engine.simulation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.apiserver.DeclaredService;
import io.trafficlab.engine.apiserver.LoadBalancerIngress;
import io.trafficlab.engine.cluster.AssembledCluster;
import io.trafficlab.engine.cluster.ClusterAssembler;
import io.trafficlab.engine.cluster.ClusterDeclaration;
import io.trafficlab.engine.cluster.ClusterLimitException;
import io.trafficlab.engine.cluster.DeclaredEndpointSlice;
import io.trafficlab.engine.cluster.DeclaredNode;
import io.trafficlab.engine.cluster.DeclaredPod;
import io.trafficlab.engine.cluster.DeclaredWorkload;
import io.trafficlab.engine.cluster.OwnerReference;
import io.trafficlab.engine.cluster.PodScheduling;
import io.trafficlab.engine.cluster.PodShutdown;
import io.trafficlab.engine.cluster.WorkloadKind;
import io.trafficlab.engine.model.Cluster;
import io.trafficlab.engine.model.Node;
import io.trafficlab.engine.model.Pod;
import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.model.ServiceRef;
import io.trafficlab.engine.model.ServiceType;
import io.trafficlab.engine.simulation.SimulationSnapshot.PodStatus;
import org.jspecify.annotations.Nullable;

/**
 * Builds the simulation's world from a declaration: assembles it once (rejecting what the
 * API server or the sandbox limits reject), pins what the assembler filled in (node
 * addresses, pod CIDRs, pod IPs), and works out which workload owns each pod.
 */
final class WorldImport {

	private ClusterDeclaration declaration;

	private final List<String> warnings;

	private WorldImport(ClusterDeclaration declaration, List<String> warnings) {
		this.declaration = declaration;
		this.warnings = warnings;
	}

	/**
	 * The world of {@code declaration}, following {@code service} (or the first
	 * externally reachable Service).
	 */
	static World build(ClusterDeclaration declaration, @Nullable ServiceRef service, List<String> warnings) {
		return new WorldImport(declaration, warnings).build(service);
	}

	private World build(@Nullable ServiceRef requested) {
		AssembledCluster assembled = new ClusterAssembler().assemble(this.declaration);
		Cluster cluster = assembled.cluster();
		checkLimits(cluster);
		Service followed = followed(cluster, requested);
		if (followed.selector().isEmpty()) {
			throw new IllegalArgumentException("Service " + followed.ref() + " has no selector, so its endpoints do "
					+ "not follow pods; the live simulation needs a Service whose pods it can start and stop.");
		}
		String hostname = null;
		if (followed.type() == ServiceType.LOAD_BALANCER) {
			// the sandbox's default LB is an AWS NLB: the AWS Load Balancer Controller
			// writes its hostname into the status, replacing any IP, so kube-proxy
			// programs no LB-IP rule (World.publish writes the chosen LB's)
			hostname = AwsNames.hostname(LoadBalancerKind.AWS_NLB_INSTANCE, followed.ref());
			this.declaration = withHostname(this.declaration, followed.ref(), hostname);
			assembled = new ClusterAssembler().assemble(this.declaration);
			cluster = assembled.cluster();
			followed = followed(cluster, followed.ref());
		}
		this.warnings.addAll(assembled.warnings());
		World world = new World(followed.ref());
		world.loadBalancerHostname = hostname;
		world.services.addAll(cluster.services());
		keepIgnoredServices(world);
		keepSlices(world, followed.ref());
		addNodes(world, cluster);
		addWorkloads(world);
		addPods(world, cluster, followed);
		return world;
	}

	private static ClusterDeclaration withHostname(ClusterDeclaration declaration, ServiceRef ref, String hostname) {
		List<DeclaredService> services = new ArrayList<>();
		for (DeclaredService service : declaration.services()) {
			services.add(service.ref().equals(ref) ? service.toBuilder()
				.loadBalancerIngress(List.of(new LoadBalancerIngress(null, hostname, null)))
				.build() : service);
		}
		return new ClusterDeclaration(declaration.nodes(), services, declaration.pods(), declaration.workloads(),
				declaration.endpointSlices());
	}

	private static void checkLimits(Cluster cluster) {
		if (cluster.nodes().size() > SimulationLimits.MAX_NODES) {
			throw new ClusterLimitException(
					String.format(Locale.ROOT, "The cluster has %,d nodes; a live sandbox handles at most %,d nodes.",
							cluster.nodes().size(), SimulationLimits.MAX_NODES));
		}
		if (cluster.pods().size() > SimulationLimits.MAX_PODS) {
			throw new ClusterLimitException(
					String.format(Locale.ROOT, "The cluster has %,d pods; a live sandbox handles at most %,d pods.",
							cluster.pods().size(), SimulationLimits.MAX_PODS));
		}
	}

	/**
	 * The requested Service, else the first LoadBalancer, else the first NodePort, else
	 * the first with externalIPs.
	 */
	private static Service followed(Cluster cluster, @Nullable ServiceRef requested) {
		if (requested != null) {
			for (Service service : cluster.services()) {
				if (service.ref().equals(requested)) {
					return service;
				}
			}
			throw new IllegalArgumentException("There is no Service " + requested + " in the manifests.");
		}
		for (ServiceType type : List.of(ServiceType.LOAD_BALANCER, ServiceType.NODE_PORT)) {
			for (Service service : cluster.services()) {
				if (service.type() == type) {
					return service;
				}
			}
		}
		for (Service service : cluster.services()) {
			if (service.externallyAccessible()) {
				return service;
			}
		}
		if (cluster.services().isEmpty()) {
			throw new IllegalArgumentException(
					"The manifests have no Service, so there is nothing for external clients to reach.");
		}
		return cluster.services().get(0);
	}

	private void keepIgnoredServices(World world) {
		for (DeclaredService service : this.declaration.services()) {
			if (service.isType(ServiceType.EXTERNAL_NAME) || service.headless()) {
				world.ignoredServices.add(service);
			}
		}
	}

	private void keepSlices(World world, ServiceRef followed) {
		boolean dropped = false;
		for (DeclaredEndpointSlice slice : this.declaration.endpointSlices()) {
			if (followed.name().equals(slice.serviceName()) && followed.namespace().equals(slice.namespace())) {
				dropped = true;
			}
			else {
				world.slices.add(slice);
			}
		}
		if (dropped) {
			this.warnings.add("The EndpointSlices of " + followed + " are left out: in the live simulation its "
					+ "endpoints follow its pods, as the EndpointSlice controller writes them.");
		}
	}

	private void addNodes(World world, Cluster cluster) {
		Map<String, DeclaredNode> declared = new HashMap<>();
		this.declaration.nodes().forEach((node) -> declared.put(node.name(), node));
		for (Node node : cluster.nodes()) {
			DeclaredNode original = declared.get(node.name());
			Map<String, String> annotations = (original != null) ? original.annotations() : Map.of();
			DeclaredNode pinned = new DeclaredNode(node.name(), node.labels(), annotations, node.internalIp(),
					node.podCidr(), node.taints(), node.deleting(), node.unschedulable());
			SimNode simNode = new SimNode(world.nodes.size(), pinned, node);
			world.nodes.add(simNode);
			world.nodesByName.put(node.name(), simNode);
		}
	}

	private void addWorkloads(World world) {
		List<DeclaredWorkload> declared = this.declaration.workloads();
		world.declaredWorkloads.addAll(declared);
		for (DeclaredWorkload workload : declared) {
			if (workload.kind() == WorkloadKind.REPLICA_SET && owningDeployment(workload) != null) {
				continue;
			}
			world.workloads.add(simWorkload(workload));
		}
	}

	private @Nullable DeclaredWorkload owningDeployment(DeclaredWorkload replicaSet) {
		for (OwnerReference owner : replicaSet.owners()) {
			for (DeclaredWorkload candidate : this.declaration.workloads()) {
				if (candidate.kind() == WorkloadKind.DEPLOYMENT && owner.is(WorkloadKind.DEPLOYMENT)
						&& candidate.name().equals(owner.name())
						&& candidate.namespace().equals(replicaSet.namespace())) {
					return candidate;
				}
			}
		}
		return null;
	}

	private SimWorkload simWorkload(DeclaredWorkload workload) {
		return switch (workload.kind()) {
			case DEPLOYMENT -> deployment(workload);
			case REPLICA_SET, STATEFUL_SET, DAEMON_SET -> new SimWorkload(workload, null, workload.name(),
					workload.templateLabels(), OwnerReference.of(workload.kind(), workload.name()));
		};
	}

	/**
	 * A Deployment's pods belong to a ReplicaSet named
	 * {@code <deployment>-<pod-template-hash>}.
	 */
	private SimWorkload deployment(DeclaredWorkload deployment) {
		for (DeclaredWorkload replicaSet : this.declaration.workloads()) {
			if (replicaSet.kind() == WorkloadKind.REPLICA_SET && owningDeployment(replicaSet) == deployment) {
				return new SimWorkload(deployment, replicaSet, replicaSet.name(), replicaSet.templateLabels(),
						OwnerReference.of(WorkloadKind.REPLICA_SET, replicaSet.name()));
			}
		}
		for (DeclaredPod pod : this.declaration.pods()) {
			for (OwnerReference owner : pod.owners()) {
				if (owner.is(WorkloadKind.REPLICA_SET) && pod.namespace().equals(deployment.namespace())
						&& owner.name().startsWith(deployment.name() + "-") && deployment.selector() != null
						&& deployment.selector().matches(pod.labels())) {
					return new SimWorkload(deployment, null, owner.name(), pod.labels(), owner);
				}
			}
		}
		// ask the assembler how it names and labels one replica (the pod-template-hash)
		DeclaredWorkload one = new DeclaredWorkload(deployment.kind(), deployment.namespace(), deployment.name(), 1,
				deployment.selector(), deployment.templateLabels(), PodScheduling.ANYWHERE, List.of());
		ClusterDeclaration probe = new ClusterDeclaration(List.of(DeclaredNode.named("probe", Map.of())), List.of(),
				List.of(), List.of(one), List.of());
		Pod pod = new ClusterAssembler().assemble(probe).cluster().pods().get(0);
		String prefix = pod.name().substring(0, pod.name().lastIndexOf('-'));
		return new SimWorkload(deployment, null, prefix, pod.labels(),
				OwnerReference.of(WorkloadKind.REPLICA_SET, prefix));
	}

	private void addPods(World world, Cluster cluster, Service followed) {
		Map<String, DeclaredPod> declared = new LinkedHashMap<>();
		this.declaration.pods().forEach((pod) -> declared.put(pod.namespace() + "/" + pod.name(), pod));
		for (Pod pod : cluster.pods()) {
			DeclaredPod original = declared.get(pod.namespace() + "/" + pod.name());
			if (original != null && original.status() != null && original.status().finished()) {
				world.finishedPods.add(original);
				continue;
			}
			SimWorkload workload = (original != null) ? ownerOf(world, original) : expandedOwner(world, pod);
			List<OwnerReference> owners = (original != null) ? original.owners()
					: (workload != null) ? List.of(workload.podOwner) : List.of();
			PodScheduling scheduling = (original != null) ? original.scheduling()
					: (workload != null) ? workload.declared.scheduling() : PodScheduling.ANYWHERE;
			PodShutdown shutdown = (original != null) ? original.shutdown()
					: (workload != null) ? workload.declared.shutdown() : PodShutdown.UNDECLARED;
			SimPod simPod = new SimPod(world.pods.size(), pod.namespace(), pod.name(), pod.name(), pod.labels(),
					workload, owners, scheduling, shutdown, backs(followed, pod.namespace(), pod.labels()), status(pod),
					0);
			simPod.wasReady = pod.ready();
			if (pod.nodeName() != null) {
				simPod.node = world.nodesByName.get(pod.nodeName());
				simPod.ip = pod.ip();
			}
			world.addPod(simPod);
		}
	}

	private static PodStatus status(Pod pod) {
		if (pod.nodeName() == null || pod.ip() == null) {
			return PodStatus.PENDING;
		}
		if (pod.terminating()) {
			return PodStatus.TERMINATING;
		}
		return pod.ready() ? PodStatus.READY : PodStatus.STARTING;
	}

	static boolean backs(Service service, String namespace, Map<String, String> labels) {
		return service.ref().namespace().equals(namespace) && Selectors.matches(service.selector(), labels);
	}

	private static @Nullable SimWorkload ownerOf(World world, DeclaredPod pod) {
		for (OwnerReference owner : pod.owners()) {
			for (SimWorkload workload : world.workloads) {
				if (workload.declared.namespace().equals(pod.namespace()) && owns(workload, owner)) {
					return workload;
				}
			}
		}
		return null;
	}

	private static boolean owns(SimWorkload workload, OwnerReference owner) {
		if (workload.podOwner.equals(owner)) {
			return true;
		}
		return workload.kind().apiName().equals(owner.kind()) && workload.declared.name().equals(owner.name());
	}

	/**
	 * The workload the assembler expanded this pod from: its selector matches and the
	 * name carries its prefix.
	 */
	private static @Nullable SimWorkload expandedOwner(World world, Pod pod) {
		for (SimWorkload workload : world.workloads) {
			DeclaredWorkload declared = workload.declared;
			if (declared.namespace().equals(pod.namespace()) && declared.selector() != null
					&& declared.selector().matches(pod.labels()) && pod.name().startsWith(workload.podPrefix + "-")) {
				return workload;
			}
		}
		return null;
	}

}
