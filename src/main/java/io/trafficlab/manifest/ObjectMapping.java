package io.trafficlab.manifest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.Lifecycle;
import io.fabric8.kubernetes.api.model.LifecycleHandler;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.NodeSpec;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.fabric8.kubernetes.api.model.ServiceStatus;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointConditions;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointHints;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.trafficlab.engine.apiserver.DeclaredService;
import io.trafficlab.engine.apiserver.DeclaredServicePort;
import io.trafficlab.engine.apiserver.IntOrPercent;
import io.trafficlab.engine.apiserver.LoadBalancerIngress;
import io.trafficlab.engine.apiserver.ObjectValidation;
import io.trafficlab.engine.cluster.ContainerShutdown;
import io.trafficlab.engine.cluster.DeclaredEndpoint;
import io.trafficlab.engine.cluster.DeclaredEndpointSlice;
import io.trafficlab.engine.cluster.DeclaredNode;
import io.trafficlab.engine.cluster.DeclaredPod;
import io.trafficlab.engine.cluster.DeclaredPodStatus;
import io.trafficlab.engine.cluster.DeclaredWorkload;
import io.trafficlab.engine.cluster.OwnerReference;
import io.trafficlab.engine.cluster.PodScheduling;
import io.trafficlab.engine.cluster.PodShutdown;
import io.trafficlab.engine.cluster.PreStopHook;
import io.trafficlab.engine.cluster.RolloutStrategy;
import io.trafficlab.engine.cluster.WorkloadKind;
import io.trafficlab.engine.model.Taint;
import io.trafficlab.engine.scheduling.LabelSelector;
import io.trafficlab.engine.scheduling.Toleration;
import io.trafficlab.engine.scheduling.TopologySpreadConstraint;

import org.jspecify.annotations.Nullable;

/**
 * Maps fabric8's Kubernetes objects to the engine's declared records, reading only the
 * fields the sandbox uses (see the API contract's "Input" table). fabric8 types stop
 * here.
 */
final class ObjectMapping {

	static final String SERVICE_NAME_LABEL = "kubernetes.io/service-name";

	private ObjectMapping() {
	}

	static String namespace(HasMetadata object) {
		ObjectMeta metadata = object.getMetadata();
		String namespace = (metadata != null) ? metadata.getNamespace() : null;
		return (namespace == null || namespace.isEmpty()) ? "default" : namespace;
	}

	static String name(HasMetadata object) {
		ObjectMeta metadata = object.getMetadata();
		return (metadata != null && metadata.getName() != null) ? metadata.getName() : "";
	}

	static DeclaredNode node(io.fabric8.kubernetes.api.model.Node node) {
		ObjectMeta metadata = meta(node);
		NodeSpec spec = (node.getSpec() != null) ? node.getSpec() : new NodeSpec();
		String internalIp = null;
		if (node.getStatus() != null) {
			for (NodeAddress address : list(node.getStatus().getAddresses())) {
				if ("InternalIP".equals(address.getType()) && internalIp == null) {
					internalIp = address.getAddress();
				}
			}
		}
		String podCidr = spec.getPodCIDR();
		if (podCidr == null && !list(spec.getPodCIDRs()).isEmpty()) {
			podCidr = list(spec.getPodCIDRs()).get(0);
		}
		List<Taint> taints = new ArrayList<>();
		for (io.fabric8.kubernetes.api.model.Taint taint : list(spec.getTaints())) {
			taints.add(new Taint(Objects.requireNonNullElse(taint.getKey(), ""), taint.getValue(),
					Objects.requireNonNullElse(taint.getEffect(), "")));
		}
		return new DeclaredNode(name(node), map(metadata.getLabels()), map(metadata.getAnnotations()), internalIp,
				podCidr, taints, metadata.getDeletionTimestamp() != null, Boolean.TRUE.equals(spec.getUnschedulable()));
	}

	static DeclaredService service(io.fabric8.kubernetes.api.model.Service service) {
		ServiceSpec spec = (service.getSpec() != null) ? service.getSpec() : new ServiceSpec();
		List<DeclaredServicePort> ports = new ArrayList<>();
		for (io.fabric8.kubernetes.api.model.ServicePort port : list(spec.getPorts())) {
			int number = Objects.requireNonNullElse(port.getPort(), 0);
			String targetPort = intOrString(port.getTargetPort());
			ports.add(new DeclaredServicePort(port.getName(), port.getProtocol(), number, targetPort,
					port.getNodePort()));
		}
		Integer timeout = null;
		if (spec.getSessionAffinityConfig() != null && spec.getSessionAffinityConfig().getClientIP() != null) {
			timeout = spec.getSessionAffinityConfig().getClientIP().getTimeoutSeconds();
		}
		List<LoadBalancerIngress> ingress = new ArrayList<>();
		ServiceStatus status = service.getStatus();
		if (status != null && status.getLoadBalancer() != null) {
			for (var entry : list(status.getLoadBalancer().getIngress())) {
				ingress.add(new LoadBalancerIngress(entry.getIp(), entry.getHostname(), entry.getIpMode()));
			}
		}
		return DeclaredService.builder(namespace(service), name(service))
			.type(spec.getType())
			.ports(ports)
			.selector(map(spec.getSelector()))
			.clusterIp(spec.getClusterIP())
			.externalIps(list(spec.getExternalIPs()))
			.externalTrafficPolicy(spec.getExternalTrafficPolicy())
			.internalTrafficPolicy(spec.getInternalTrafficPolicy())
			.healthCheckNodePort(spec.getHealthCheckNodePort())
			.sessionAffinity(spec.getSessionAffinity())
			.sessionAffinityTimeoutSeconds(timeout)
			.allocateLoadBalancerNodePorts(spec.getAllocateLoadBalancerNodePorts())
			.trafficDistribution(spec.getTrafficDistribution())
			.loadBalancerSourceRanges(list(spec.getLoadBalancerSourceRanges()))
			.loadBalancerIngress(ingress)
			.annotations(map(meta(service).getAnnotations()))
			.build();
	}

	static DeclaredPod pod(io.fabric8.kubernetes.api.model.Pod pod) {
		ObjectMeta metadata = meta(pod);
		return new DeclaredPod(namespace(pod), name(pod), map(metadata.getLabels()), scheduling(pod.getSpec()),
				podStatus(pod.getStatus()), metadata.getDeletionTimestamp() != null, owners(metadata),
				deleting(shutdown(pod.getSpec()), metadata));
	}

	static DeclaredWorkload deployment(Deployment deployment) {
		var spec = deployment.getSpec();
		DeclaredWorkload workload = workload(WorkloadKind.DEPLOYMENT, deployment,
				(spec != null) ? spec.getReplicas() : null, (spec != null) ? spec.getSelector() : null,
				(spec != null) ? spec.getTemplate() : null);
		var strategy = (spec != null) ? spec.getStrategy() : null;
		var rolling = (strategy != null) ? strategy.getRollingUpdate() : null;
		String type = (strategy != null && strategy.getType() != null && !strategy.getType().isEmpty())
				? strategy.getType() : "RollingUpdate";
		IntOrPercent maxSurge = (rolling != null) ? intOrPercent(rolling.getMaxSurge()) : null;
		IntOrPercent maxUnavailable = (rolling != null) ? intOrPercent(rolling.getMaxUnavailable()) : null;
		ObjectValidation.validateStrategy(workload.name(), type, rolling != null, maxSurge, maxUnavailable);
		if (type.equals("Recreate")) {
			return workload.withRolloutStrategy(RolloutStrategy.RECREATE);
		}
		return workload.withRolloutStrategy(new RolloutStrategy(printed(maxSurge), printed(maxUnavailable)));
	}

	static DeclaredWorkload replicaSet(ReplicaSet replicaSet) {
		var spec = replicaSet.getSpec();
		return workload(WorkloadKind.REPLICA_SET, replicaSet, (spec != null) ? spec.getReplicas() : null,
				(spec != null) ? spec.getSelector() : null, (spec != null) ? spec.getTemplate() : null);
	}

	static DeclaredWorkload statefulSet(StatefulSet statefulSet) {
		var spec = statefulSet.getSpec();
		return workload(WorkloadKind.STATEFUL_SET, statefulSet, (spec != null) ? spec.getReplicas() : null,
				(spec != null) ? spec.getSelector() : null, (spec != null) ? spec.getTemplate() : null);
	}

	static DeclaredWorkload daemonSet(DaemonSet daemonSet) {
		var spec = daemonSet.getSpec();
		return workload(WorkloadKind.DAEMON_SET, daemonSet, null, (spec != null) ? spec.getSelector() : null,
				(spec != null) ? spec.getTemplate() : null);
	}

	static DeclaredEndpointSlice endpointSlice(EndpointSlice slice) {
		List<DeclaredEndpoint> endpoints = new ArrayList<>();
		for (io.fabric8.kubernetes.api.model.discovery.v1.Endpoint endpoint : list(slice.getEndpoints())) {
			EndpointConditions conditions = endpoint.getConditions();
			EndpointHints hints = endpoint.getHints();
			Set<String> zoneHints = new LinkedHashSet<>();
			Set<String> nodeHints = new LinkedHashSet<>();
			if (hints != null) {
				list(hints.getForZones()).forEach((zone) -> zoneHints.add(zone.getName()));
				list(hints.getForNodes()).forEach((node) -> nodeHints.add(node.getName()));
			}
			String podName = (endpoint.getTargetRef() != null && "Pod".equals(endpoint.getTargetRef().getKind()))
					? endpoint.getTargetRef().getName() : null;
			endpoints.add(new DeclaredEndpoint(list(endpoint.getAddresses()),
					(conditions != null) ? conditions.getReady() : null,
					(conditions != null) ? conditions.getServing() : null,
					(conditions != null) ? conditions.getTerminating() : null, endpoint.getNodeName(),
					endpoint.getZone(), zoneHints, nodeHints, podName));
		}
		return new DeclaredEndpointSlice(namespace(slice), name(slice), meta(slice).getLabels().get(SERVICE_NAME_LABEL),
				Objects.requireNonNullElse(slice.getAddressType(), "IPv4"), endpoints);
	}

	private static @Nullable IntOrPercent intOrPercent(@Nullable IntOrString value) {
		return (value != null) ? new IntOrPercent(value.getIntVal(), value.getStrVal()) : null;
	}

	/** A valid int-or-percent as the sandbox keeps it: {@code "1"} or {@code "25%"}. */
	private static @Nullable String printed(@Nullable IntOrPercent value) {
		if (value == null) {
			return null;
		}
		return (value.number() != null) ? value.number().toString() : value.text();
	}

	private static DeclaredWorkload workload(WorkloadKind kind, HasMetadata workload, @Nullable Integer replicas,
			io.fabric8.kubernetes.api.model.@Nullable LabelSelector selector, @Nullable PodTemplateSpec template) {
		Map<String, String> templateLabels = (template != null && template.getMetadata() != null)
				? map(template.getMetadata().getLabels()) : Map.of();
		return new DeclaredWorkload(kind, namespace(workload), name(workload), replicas, labelSelector(selector),
				templateLabels, scheduling((template != null) ? template.getSpec() : null), owners(meta(workload)),
				shutdown((template != null) ? template.getSpec() : null));
	}

	private static PodScheduling scheduling(@Nullable PodSpec spec) {
		if (spec == null) {
			return PodScheduling.ANYWHERE;
		}
		List<Toleration> tolerations = new ArrayList<>();
		for (io.fabric8.kubernetes.api.model.Toleration toleration : list(spec.getTolerations())) {
			tolerations.add(new Toleration(toleration.getKey(), toleration.getOperator(), toleration.getValue(),
					toleration.getEffect()));
		}
		List<TopologySpreadConstraint> spread = new ArrayList<>();
		for (io.fabric8.kubernetes.api.model.TopologySpreadConstraint constraint : spec
			.getTopologySpreadConstraints()) {
			spread.add(new TopologySpreadConstraint(Objects.requireNonNullElse(constraint.getMaxSkew(), 0),
					Objects.requireNonNullElse(constraint.getTopologyKey(), ""),
					Objects.requireNonNullElse(constraint.getWhenUnsatisfiable(), ""),
					labelSelector(constraint.getLabelSelector()), constraint.getMinDomains(),
					constraint.getNodeAffinityPolicy(), constraint.getNodeTaintsPolicy(),
					list(constraint.getMatchLabelKeys())));
		}
		return new PodScheduling(spec.getNodeName(), map(spec.getNodeSelector()), tolerations, spread);
	}

	/**
	 * The grace period and, per container, the preStop hook and what the app does on
	 * SIGTERM (the engine reads the command line).
	 */
	private static PodShutdown shutdown(@Nullable PodSpec spec) {
		if (spec == null) {
			return PodShutdown.UNDECLARED;
		}
		List<ContainerShutdown> containers = new ArrayList<>();
		for (Container container : list(spec.getContainers())) {
			containers
				.add(ContainerShutdown.of(Objects.requireNonNullElse(container.getName(), ""), container.getImage(),
						list(container.getCommand()), list(container.getArgs()), preStop(container.getLifecycle())));
		}
		return new PodShutdown(spec.getTerminationGracePeriodSeconds(), containers);
	}

	/**
	 * A pod already being deleted keeps the grace period its deletion set
	 * ({@code metadata.deletionGracePeriodSeconds}), which kubelet prefers to the spec's.
	 */
	private static PodShutdown deleting(PodShutdown shutdown, ObjectMeta metadata) {
		Long deletionGrace = metadata.getDeletionGracePeriodSeconds();
		if (metadata.getDeletionTimestamp() == null || deletionGrace == null) {
			return shutdown;
		}
		return new PodShutdown(deletionGrace, shutdown.containers());
	}

	private static @Nullable PreStopHook preStop(@Nullable Lifecycle lifecycle) {
		LifecycleHandler handler = (lifecycle != null) ? lifecycle.getPreStop() : null;
		if (handler == null) {
			return null;
		}
		if (handler.getSleep() != null) {
			return PreStopHook.sleep(Objects.requireNonNullElse(handler.getSleep().getSeconds(), 0L));
		}
		if (handler.getExec() != null) {
			return PreStopHook.exec(list(handler.getExec().getCommand()));
		}
		return PreStopHook.other((handler.getHttpGet() != null) ? "httpGet"
				: (handler.getTcpSocket() != null) ? "tcpSocket" : "handler");
	}

	private static @Nullable DeclaredPodStatus podStatus(@Nullable PodStatus status) {
		if (status == null || (status.getPhase() == null && status.getPodIP() == null
				&& list(status.getConditions()).isEmpty() && list(status.getContainerStatuses()).isEmpty())) {
			return null;
		}
		boolean ready = false;
		for (PodCondition condition : list(status.getConditions())) {
			if ("Ready".equals(condition.getType())) {
				ready = "True".equals(condition.getStatus());
			}
		}
		if (list(status.getConditions()).isEmpty() && !list(status.getContainerStatuses()).isEmpty()) {
			ready = list(status.getContainerStatuses()).stream().allMatch((container) -> containerReady(container));
		}
		return new DeclaredPodStatus(status.getPhase(), status.getPodIP(), ready);
	}

	private static boolean containerReady(ContainerStatus container) {
		return Boolean.TRUE.equals(container.getReady());
	}

	private static @Nullable LabelSelector labelSelector(
			io.fabric8.kubernetes.api.model.@Nullable LabelSelector selector) {
		if (selector == null) {
			return null;
		}
		List<LabelSelector.Requirement> requirements = new ArrayList<>();
		for (LabelSelectorRequirement requirement : list(selector.getMatchExpressions())) {
			requirements.add(new LabelSelector.Requirement(Objects.requireNonNullElse(requirement.getKey(), ""),
					Objects.requireNonNullElse(requirement.getOperator(), ""), list(requirement.getValues())));
		}
		return new LabelSelector(map(selector.getMatchLabels()), requirements);
	}

	private static List<OwnerReference> owners(ObjectMeta metadata) {
		List<OwnerReference> owners = new ArrayList<>();
		for (io.fabric8.kubernetes.api.model.OwnerReference owner : list(metadata.getOwnerReferences())) {
			if (owner.getKind() != null && owner.getName() != null) {
				owners.add(new OwnerReference(owner.getKind(), owner.getName()));
			}
		}
		return owners;
	}

	private static @Nullable String intOrString(@Nullable IntOrString value) {
		if (value == null) {
			return null;
		}
		return (value.getIntVal() != null) ? value.getIntVal().toString() : value.getStrVal();
	}

	private static <T> List<T> list(@Nullable List<T> values) {
		if (values == null) {
			return List.of();
		}
		return values.stream().filter(Objects::nonNull).toList();
	}

	private static Map<String, String> map(@Nullable Map<String, String> values) {
		if (values == null) {
			return Map.of();
		}
		Map<String, String> copy = new LinkedHashMap<>();
		values.forEach((key, value) -> {
			if (key != null && value != null) {
				copy.put(key, value);
			}
		});
		return copy;
	}

	private static ObjectMeta meta(HasMetadata object) {
		return (object.getMetadata() != null) ? object.getMetadata() : new ObjectMeta();
	}

}
