package io.trafficlab.engine.simulation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.trafficlab.engine.apiserver.DeclaredService;
import io.trafficlab.engine.apiserver.ObjectValidation;
import io.trafficlab.engine.balancer.ClusterSetup;
import io.trafficlab.engine.balancer.Dataplane;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.balancer.LoadBalancerModel;
import io.trafficlab.engine.cluster.ClusterEditor;
import io.trafficlab.engine.cluster.DeclaredNode;
import io.trafficlab.engine.cluster.WorkloadKind;
import io.trafficlab.engine.model.Node;
import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.model.ServiceRef;
import io.trafficlab.engine.model.SessionAffinity;
import io.trafficlab.engine.model.TrafficPolicy;
import io.trafficlab.engine.net.NetworkModel;
import io.trafficlab.engine.scheduling.Scheduler;
import io.trafficlab.engine.scheduling.TopologySpreadConstraint;
import io.trafficlab.engine.simulation.SimulationCommand.AddNode;
import io.trafficlab.engine.simulation.SimulationCommand.CordonNode;
import io.trafficlab.engine.simulation.SimulationCommand.DeletePod;
import io.trafficlab.engine.simulation.SimulationCommand.DrainNode;
import io.trafficlab.engine.simulation.SimulationCommand.KillNode;
import io.trafficlab.engine.simulation.SimulationCommand.MovePod;
import io.trafficlab.engine.simulation.SimulationCommand.RemoveNode;
import io.trafficlab.engine.simulation.SimulationCommand.RolloutRestart;
import io.trafficlab.engine.simulation.SimulationCommand.ScaleReplicas;
import io.trafficlab.engine.simulation.SimulationCommand.SetClientRate;
import io.trafficlab.engine.simulation.SimulationCommand.SetExternalTrafficPolicy;
import io.trafficlab.engine.simulation.SimulationCommand.SetInternalTrafficPolicy;
import io.trafficlab.engine.simulation.SimulationCommand.SetDataplane;
import io.trafficlab.engine.simulation.SimulationCommand.SetLoadBalancerKind;
import io.trafficlab.engine.simulation.SimulationCommand.SetLoadBalancerModel;
import io.trafficlab.engine.simulation.SimulationCommand.SetNetwork;
import io.trafficlab.engine.simulation.SimulationCommand.SetSessionAffinity;
import io.trafficlab.engine.simulation.SimulationCommand.UpdateService;
import io.trafficlab.engine.simulation.SimulationEvent.ClientRateChanged;
import io.trafficlab.engine.simulation.SimulationEvent.DataplaneChanged;
import io.trafficlab.engine.simulation.SimulationEvent.LoadBalancerKindChanged;
import io.trafficlab.engine.simulation.SimulationEvent.LoadBalancerModelChanged;
import io.trafficlab.engine.simulation.SimulationEvent.NetworkChanged;
import io.trafficlab.engine.simulation.SimulationEvent.NodeAdded;
import io.trafficlab.engine.simulation.SimulationEvent.ReplicasScaled;
import io.trafficlab.engine.simulation.SimulationEvent.ServiceUpdated;
import io.trafficlab.engine.simulation.SimulationSnapshot.PodStatus;
import org.jspecify.annotations.Nullable;

/**
 * Applies {@link SimulationCommand}s at the current simulated time: checks them first (an
 * unknown pod or node or a bad value is an {@link IllegalArgumentException} with a clear
 * message, and nothing changes), then changes the cluster as {@code kubectl} and the
 * controllers would. {@link #check} runs the same checks and stops before the first
 * change, so that a caller can check one command against several simulations before it
 * changes any. Service changes go through the API server's update rules
 * ({@link ClusterEditor#updateService}, R23), which may reject them with an
 * {@link io.trafficlab.engine.apiserver.InvalidObjectException}.
 */
final class Commands {

	private final Core core;

	private final World world;

	private final Lifecycle lifecycle;

	/**
	 * While {@link #check} runs: every command returns after its checks, before changing
	 * anything.
	 */
	private boolean checkOnly;

	Commands(Core core) {
		this.core = core;
		this.world = core.world;
		this.lifecycle = core.lifecycle;
	}

	/** Throws what {@link #apply} would throw for this command, and changes nothing. */
	void check(SimulationCommand command) {
		this.checkOnly = true;
		try {
			apply(command);
		}
		finally {
			this.checkOnly = false;
		}
	}

	void apply(SimulationCommand command) {
		Objects.requireNonNull(command, "command");
		if (command instanceof MovePod move) {
			move(move);
		}
		else if (command instanceof DeletePod delete) {
			delete(delete);
		}
		else if (command instanceof ScaleReplicas scale) {
			scale(scale.replicas());
		}
		else if (command instanceof RolloutRestart) {
			rolloutRestart();
		}
		else if (command instanceof AddNode add) {
			addNode(add.name());
		}
		else if (command instanceof RemoveNode remove) {
			removeNode(remove.node());
		}
		else if (command instanceof CordonNode cordon) {
			SimNode node = node(cordon.node());
			if (!this.checkOnly) {
				this.lifecycle.cordon(node, cordon.cordoned());
			}
		}
		else if (command instanceof DrainNode drain) {
			SimNode node = node(drain.node());
			if (!this.checkOnly) {
				this.lifecycle.drain(node, node.name + " is being drained");
			}
		}
		else if (command instanceof KillNode kill) {
			killNode(kill.node());
		}
		else if (command instanceof SetExternalTrafficPolicy policy) {
			TrafficPolicy value = required(policy.policy(), "externalTrafficPolicy");
			DeclaredService request = this.world.declared(this.core.service())
				.withExternalTrafficPolicy(value.apiName());
			updateService("spec.externalTrafficPolicy", apiName(this.core.service().externalTrafficPolicy()),
					value.apiName(), request);
		}
		else if (command instanceof SetInternalTrafficPolicy policy) {
			TrafficPolicy value = required(policy.policy(), "internalTrafficPolicy");
			DeclaredService request = this.world.declared(this.core.service())
				.withInternalTrafficPolicy(value.apiName());
			updateService("spec.internalTrafficPolicy", this.core.service().internalTrafficPolicy().apiName(),
					value.apiName(), request);
		}
		else if (command instanceof SetSessionAffinity affinity) {
			SessionAffinity value = required(affinity.affinity(), "sessionAffinity");
			updateService("spec.sessionAffinity", this.core.service().sessionAffinity().apiName(), value.apiName(),
					this.world.declared(this.core.service()).toBuilder().sessionAffinity(value.apiName()).build());
		}
		else if (command instanceof UpdateService update) {
			editService(required(update.service(), "Service"));
		}
		else if (command instanceof SetLoadBalancerModel model) {
			setModel(required(model.model(), "load balancer model"));
		}
		else if (command instanceof SetLoadBalancerKind kind) {
			setKind(required(kind.kind(), "load balancer"));
		}
		else if (command instanceof SetDataplane dataplane) {
			setDataplane(required(dataplane.dataplane(), "dataplane"));
		}
		else if (command instanceof SetNetwork network) {
			setNetwork(required(network.network(), "network"));
		}
		else if (command instanceof SetClientRate rate) {
			setRate(rate.connectionsPerSecond());
		}
	}

	private static <T> T required(@Nullable T value, String what) {
		if (value == null) {
			throw new IllegalArgumentException("The " + what + " is missing.");
		}
		return value;
	}

	private static String apiName(@Nullable TrafficPolicy policy) {
		return (policy != null) ? policy.apiName() : "";
	}

	// pods

	private SimPod pod(@Nullable String name) {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("The pod name is missing.");
		}
		String trimmed = name.trim();
		int slash = trimmed.indexOf('/');
		SimPod pod = (slash > 0) ? this.world.pod(trimmed.substring(0, slash), trimmed.substring(slash + 1))
				: findByName(trimmed);
		if (pod == null) {
			List<String> names = new ArrayList<>();
			for (SimPod live : this.world.podsByName.values()) {
				if (names.size() < 10) {
					names.add(live.name);
				}
			}
			throw new IllegalArgumentException("There is no pod \"" + trimmed + "\" (pods: "
					+ (names.isEmpty() ? "none"
							: String.join(", ", names) + ((this.world.podsByName.size() > names.size()) ? ", ..." : ""))
					+ ").");
		}
		return pod;
	}

	private @Nullable SimPod findByName(String name) {
		SimPod inFollowedNamespace = this.world.pod(this.world.followed.namespace(), name);
		if (inFollowedNamespace != null) {
			return inFollowedNamespace;
		}
		for (SimPod pod : this.world.podsByName.values()) {
			if (pod.name.equals(name)) {
				return pod;
			}
		}
		return null;
	}

	private void move(MovePod command) {
		SimPod pod = pod(command.pod());
		SimNode target = node(command.toNode());
		if (pod.status == PodStatus.TERMINATING) {
			throw new IllegalArgumentException("Pod " + pod.name + " is already terminating; it cannot be moved.");
		}
		if (pod.node == target) {
			throw new IllegalArgumentException("Pod " + pod.name + " already runs on " + target.name + ".");
		}
		if (pod.workload != null && pod.workload.kind() == WorkloadKind.DAEMON_SET) {
			throw new IllegalArgumentException("Pod " + pod.name + " belongs to " + pod.workload.key()
					+ ", which runs one pod on every node; it cannot be moved.");
		}
		if (target.declared.unschedulable()) {
			throw new IllegalArgumentException("Node " + target.name + " is cordoned; uncordon it first or move "
					+ pod.name + " to another node.");
		}
		if (this.core.podFactory.podsOn(target) >= Scheduler.DEFAULT_MAX_PODS_PER_NODE) {
			throw new IllegalArgumentException("Node " + target.name + " already runs "
					+ Scheduler.DEFAULT_MAX_PODS_PER_NODE + " pods, kubelet's limit.");
		}
		if (this.checkOnly) {
			return;
		}
		String reason = "moved to " + target.name;
		SimWorkload workload = pod.workload;
		if (workload != null && workload.kind() == WorkloadKind.STATEFUL_SET) {
			pod.successorNode = target.name;
			this.lifecycle.terminate(pod, reason + " (the StatefulSet recreates it there once it is gone)");
			if (pod.deleted) {
				this.lifecycle.reconcile(workload, null, "recreates " + pod.name + " on " + target.name);
			}
			return;
		}
		this.lifecycle.terminate(pod, reason);
		if (workload != null) {
			this.lifecycle.reconcile(workload, target.name, "replaces " + pod.name + " on " + target.name);
		}
		else {
			String name = this.core.podFactory.generatedName(pod.namespace, pod.baseName);
			this.lifecycle.create(null, pod.namespace, name, pod.baseName, pod.labels, pod.owners, pod.scheduling,
					pod.shutdown, target.name, "bare pod " + pod.name + " moved to " + target.name);
		}
	}

	private void delete(DeletePod command) {
		SimPod pod = pod(command.pod());
		if (pod.status == PodStatus.TERMINATING) {
			throw new IllegalArgumentException("Pod " + pod.name + " is already terminating.");
		}
		if (this.checkOnly) {
			return;
		}
		this.lifecycle.terminate(pod, "deleted");
		SimWorkload workload = pod.workload;
		if (workload != null && (pod.deleted || workload.kind() == WorkloadKind.DEPLOYMENT
				|| workload.kind() == WorkloadKind.REPLICA_SET)) {
			this.lifecycle.reconcile(workload, null, "replaces " + pod.name);
		}
	}

	private void scale(int replicas) {
		SimWorkload workload = this.world.serviceWorkload();
		if (workload == null) {
			throw new IllegalArgumentException("No Deployment, ReplicaSet or StatefulSet backs Service "
					+ this.world.followed + "; its pods are bare Pods, which cannot be scaled.");
		}
		if (workload.kind() == WorkloadKind.DAEMON_SET) {
			throw new IllegalArgumentException(
					workload.key() + " runs one pod on every node it fits; it has no " + "replica count to scale.");
		}
		List<SimPod> active = this.lifecycle.activePods(workload);
		int otherPods = this.world.podsByName.size() - active.size();
		if (replicas < 0 || otherPods + replicas > SimulationLimits.MAX_PODS) {
			throw new IllegalArgumentException(String.format(Locale.ROOT,
					"Replicas must be between 0 and %,d (a sandbox runs at most %,d pods, and %,d other pods exist), "
							+ "not %,d.",
					Math.max(0, SimulationLimits.MAX_PODS - otherPods), SimulationLimits.MAX_PODS, otherPods,
					replicas));
		}
		if (this.checkOnly) {
			return;
		}
		int from = workload.replicas;
		workload.replicas = replicas;
		if (this.core.emitter.wants()) {
			this.core.emitter.emit(new ReplicasScaled(this.core.now(), workload.key(), from, replicas));
		}
		if (replicas >= active.size()) {
			this.lifecycle.reconcile(workload, null, "scaled to " + replicas);
			return;
		}
		for (SimPod victim : victims(workload, active, active.size() - replicas)) {
			this.lifecycle.terminate(victim, workload.key() + " scaled down to " + replicas);
		}
	}

	private void rolloutRestart() {
		SimWorkload workload = this.world.serviceWorkload();
		if (workload == null || workload.kind() != WorkloadKind.DEPLOYMENT) {
			throw new IllegalArgumentException("No Deployment backs Service " + this.world.followed
					+ ((workload != null) ? " (its pods belong to " + workload.key() + ")" : "")
					+ "; the sandbox rolls out Deployments only.");
		}
		// old pods may still be shutting down when the last new one starts
		int peak = this.world.podsByName.size() + workload.replicas;
		if (peak > SimulationLimits.MAX_PODS) {
			throw new IllegalArgumentException(String.format(Locale.ROOT,
					"A rollout of %s creates %,d new pods while the old ones shut down; with the %,d pods the sandbox "
							+ "has, that could exceed its limit of %,d pods. Scale it down first.",
					workload.key(), workload.replicas, this.world.podsByName.size(), SimulationLimits.MAX_PODS));
		}
		if (this.checkOnly) {
			return;
		}
		this.lifecycle.restart(workload);
	}

	/**
	 * Which pods a scale-down removes, in the ReplicaSet controller's order: unscheduled
	 * before scheduled, not Ready before Ready, pods on nodes crowded with this
	 * workload's pods first, then the newest; a StatefulSet removes its highest ordinals.
	 */
	static List<SimPod> victims(SimWorkload workload, List<SimPod> active, int count) {
		List<SimPod> ranked = new ArrayList<>(active);
		if (workload.kind() == WorkloadKind.STATEFUL_SET) {
			ranked.sort(Comparator.comparingInt(Commands::ordinal).reversed());
			return ranked.subList(0, count);
		}
		Map<SimNode, Integer> perNode = new HashMap<>();
		for (SimPod pod : active) {
			if (pod.node != null) {
				perNode.merge(pod.node, 1, Integer::sum);
			}
		}
		ranked.sort(Comparator.<SimPod>comparingInt((pod) -> (pod.node == null) ? 0 : 1)
			.thenComparingInt((pod) -> (pod.status == PodStatus.READY) ? 1 : 0)
			.thenComparingInt((pod) -> -((pod.node != null) ? perNode.get(pod.node) : 0))
			.thenComparingInt((pod) -> -pod.slot));
		return ranked.subList(0, count);
	}

	private static int ordinal(SimPod pod) {
		String index = pod.labels.get("apps.kubernetes.io/pod-index");
		if (index != null && index.chars().allMatch(Character::isDigit) && !index.isEmpty()) {
			return Integer.parseInt(index);
		}
		int dash = pod.name.lastIndexOf('-');
		String suffix = pod.name.substring(dash + 1);
		return (!suffix.isEmpty() && suffix.chars().allMatch(Character::isDigit)) ? Integer.parseInt(suffix) : 0;
	}

	// nodes

	private SimNode node(@Nullable String name) {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("The node name is missing.");
		}
		SimNode node = this.world.nodesByName.get(name.trim());
		if (node == null) {
			throw new IllegalArgumentException("There is no node \"" + name.trim() + "\" (nodes: "
					+ String.join(", ", this.world.nodesByName.keySet()) + ").");
		}
		return node;
	}

	private void requireAnotherNode(SimNode node, String doing) {
		long others = this.world.nodesByName.values()
			.stream()
			.filter((n) -> n != node && !n.removing && !n.killed)
			.count();
		if (others == 0) {
			throw new IllegalArgumentException(
					"Cannot " + doing + " " + node.name + ": it is the last node, and a sandbox keeps at least one.");
		}
	}

	private void addNode(@Nullable String requested) {
		if (this.world.liveNodeCount() >= SimulationLimits.MAX_NODES) {
			throw new IllegalArgumentException(
					"The sandbox already has " + SimulationLimits.MAX_NODES + " nodes, its limit.");
		}
		String name = (requested == null || requested.isBlank()) ? nextNodeName() : requested.trim();
		ObjectValidation.validateNodeName(name);
		for (SimNode node : this.world.nodes) {
			if (node.name.equals(name) && (node.inCluster || node.isTarget())) {
				throw new IllegalArgumentException("A node named \"" + name + "\" already exists"
						+ (node.inCluster ? "." : " as a load-balancer target that is still draining."));
			}
		}
		if (this.checkOnly) {
			return;
		}
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put(TopologySpreadConstraint.HOSTNAME, name);
		String zone = nextZone();
		if (zone != null) {
			labels.put(TopologySpreadConstraint.ZONE, zone);
		}
		DeclaredNode declared = DeclaredNode.named(name, labels);
		Node placeholder = new Node(name, labels, zone, "0.0.0.0", "0.0.0.0/32", "0.0.0.0", List.of(), false, true,
				false);
		SimNode node = new SimNode(this.world.nodes.size(), declared, placeholder);
		this.world.nodes.add(node);
		this.world.nodesByName.put(name, node);
		this.core.changed(false);
		this.world.cluster();
		Node model = node.model;
		node.declared = new DeclaredNode(name, model.labels(), Map.of(), model.internalIp(), model.podCidr(), List.of(),
				false, false);
		this.core.changed(false);
		if (this.core.emitter.wants()) {
			this.core.emitter.emit(new NodeAdded(this.core.now(), name, model.internalIp(), model.zone()));
		}
		this.core.balancer.register(node);
		this.core.proxy.scheduleSync(node, this.core.settings.proxySyncDelayMicros());
		for (SimWorkload workload : this.world.workloads) {
			if (workload.kind() == WorkloadKind.DAEMON_SET) {
				this.lifecycle.reconcile(workload, null, "adds a pod to " + name);
			}
		}
		this.lifecycle.retryPending();
	}

	/**
	 * The next name in the nodes' pattern: n4 after n1–n3, node-d after node-a–node-c,
	 * else node-N.
	 */
	private String nextNodeName() {
		List<String> names = new ArrayList<>();
		this.world.nodes.forEach((node) -> names.add(node.name));
		String prefix = null;
		int highest = 0;
		boolean numbered = !names.isEmpty();
		boolean lettered = !names.isEmpty();
		char highestLetter = 'a' - 1;
		for (String name : names) {
			int digits = name.length();
			while (digits > 0 && Character.isDigit(name.charAt(digits - 1))) {
				digits--;
			}
			String head = name.substring(0, digits);
			numbered &= digits < name.length() && (prefix == null || prefix.equals(head));
			char last = name.charAt(name.length() - 1);
			String letterHead = name.substring(0, name.length() - 1);
			lettered &= last >= 'a' && last <= 'y' && (prefix == null || prefix.equals(letterHead));
			prefix = numbered ? head : (lettered ? letterHead : prefix);
			if (numbered && digits < name.length() && name.length() - digits < 9) {
				highest = Math.max(highest, Integer.parseInt(name.substring(digits)));
			}
			if (lettered) {
				highestLetter = (char) Math.max(highestLetter, last);
			}
		}
		String candidate = numbered ? prefix + (highest + 1)
				: (lettered && highestLetter < 'z') ? prefix + (char) (highestLetter + 1) : null;
		if (candidate != null && !taken(candidate)) {
			return candidate;
		}
		for (int i = this.world.nodes.size() + 1;; i++) {
			if (!taken("node-" + i)) {
				return "node-" + i;
			}
		}
	}

	private boolean taken(String name) {
		return this.world.nodes.stream().anyMatch((node) -> node.name.equals(name));
	}

	/** The zone with the fewest nodes, so new nodes spread over the zones in use. */
	private @Nullable String nextZone() {
		Map<String, Integer> counts = new LinkedHashMap<>();
		for (SimNode node : this.world.nodesByName.values()) {
			String zone = node.model.zone();
			if (zone != null) {
				counts.merge(zone, 1, Integer::sum);
			}
		}
		return counts.entrySet().stream().min(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
	}

	private void removeNode(String name) {
		SimNode node = node(name);
		if (node.removing) {
			throw new IllegalArgumentException("Node " + node.name + " is already being removed.");
		}
		if (!node.killed) {
			requireAnotherNode(node, "remove");
		}
		if (this.checkOnly) {
			return;
		}
		if (node.killed) {
			// nothing on a dead node can be drained: deleting its Node object lets pod GC
			// delete its pods
			this.core.nodeLifecycle.delete(node);
			return;
		}
		this.lifecycle.startRemoval(node);
	}

	private void killNode(String name) {
		SimNode node = node(name);
		if (node.killed) {
			throw new IllegalArgumentException("Node " + node.name + " is already dead.");
		}
		requireAnotherNode(node, "kill");
		if (this.checkOnly) {
			return;
		}
		this.core.nodeLifecycle.kill(node);
	}

	// the Service and the load balancer

	private void updateService(String field, String from, String to, DeclaredService request) {
		if (from.equals(to)) {
			return;
		}
		Service updated = updatedByApiServer(request);
		if (this.checkOnly) {
			return;
		}
		replaceService(updated, List.of(new ServiceEdit.Change(field, from, to)));
	}

	/**
	 * A whole Service as the person edited it: the API server decides (its refusal
	 * propagates word for word), then the simulation takes the result if it only changes
	 * fields the simulation follows.
	 */
	private void editService(DeclaredService request) {
		ServiceRef followed = this.world.followed;
		if (!request.ref().equals(followed)) {
			throw new IllegalArgumentException("The sandbox follows Service " + followed + "; it cannot edit Service "
					+ request.ref() + ". Keep metadata.name and metadata.namespace as they are.");
		}
		Service updated = updatedByApiServer(withChoiceAnnotationsKept(request));
		ServiceEdit edit = ServiceEdit.between(this.world.declared(this.core.service()), this.world.declared(updated));
		if (!edit.refused().isEmpty()) {
			throw new IllegalArgumentException("The API server would accept this update, but the live sandbox cannot "
					+ "follow a change to " + String.join(", ", edit.refused())
					+ " while it runs; it follows changes to spec.externalTrafficPolicy, "
					+ "spec.internalTrafficPolicy, spec.sessionAffinity (and its timeoutSeconds), "
					+ "spec.healthCheckNodePort and the ports' nodePort. Change the rest in the manifests "
					+ "(Apply your own manifests).");
		}
		if (this.checkOnly || edit.followed().isEmpty()) {
			return;
		}
		replaceService(updated, edit.followed());
	}

	/**
	 * The annotations that ask for a load balancer (the YAML shows those of the chosen
	 * one) belong to the load-balancer choice, not to the edit: the stored ones stay.
	 */
	private DeclaredService withChoiceAnnotationsKept(DeclaredService request) {
		Map<String, String> annotations = new LinkedHashMap<>(request.annotations());
		annotations.keySet().removeAll(ClusterSetup.CHOICE_ANNOTATIONS);
		this.world.declared(this.core.service()).annotations().forEach((key, value) -> {
			if (ClusterSetup.CHOICE_ANNOTATIONS.contains(key)) {
				annotations.put(key, value);
			}
		});
		return request.toBuilder().annotations(annotations).build();
	}

	/**
	 * The followed Service as the API server stores it after {@code request}. An update
	 * keeps the status (R23, {@code keepStatus}), so the load-balancer addresses stay the
	 * ones the load balancer's controller published (an AWS NLB's hostname: no LB IP),
	 * not the assembled cluster's copy of the manifests' status.
	 */
	private Service updatedByApiServer(DeclaredService request) {
		for (Service service : ClusterEditor.updateService(this.world.cluster(), request).services()) {
			if (service.ref().equals(this.world.followed)) {
				return service.withLoadBalancerIps(this.core.service().loadBalancerIps());
			}
		}
		throw new IllegalStateException("The API server lost Service " + this.world.followed);
	}

	private void replaceService(Service updated, List<ServiceEdit.Change> changes) {
		this.world.replaceService(updated);
		if (this.core.emitter.wants()) {
			ServiceRenderer renderer = this.core.serviceRenderer;
			String text = (renderer != null) ? renderer.render(this.world.declared(updated), this.core.settings.kind())
					: null;
			for (ServiceEdit.Change change : changes) {
				this.core.emitter.emit(new ServiceUpdated(this.core.now(), change.field(), change.from(), change.to(),
						updated.healthCheckNodePort(), text));
			}
		}
		this.core.changed(true);
		for (SimNode node : this.world.nodes) {
			node.clearAffinity(this.core.clients);
		}
		this.core.balancer.rebuild();
	}

	private void setModel(LoadBalancerModel model) {
		if (this.checkOnly || model == this.core.settings.loadBalancer()) {
			return;
		}
		this.core.settings = this.core.settings.withLoadBalancer(model);
		this.core.balancer.rebuild();
		if (this.core.emitter.wants()) {
			this.core.emitter.emit(new LoadBalancerModelChanged(this.core.now(), model));
		}
	}

	private void setKind(LoadBalancerKind kind) {
		SimulatedBalancers.check(kind);
		if (this.checkOnly || kind == this.core.settings.kind()) {
			return;
		}
		LoadBalancerKind previous = this.core.settings.kind();
		this.core.settings = this.core.settings.withKind(kind);
		String before = publishedAddress();
		this.world.publish(kind);
		this.core.changed(true);
		this.core.balancer.kindChanged();
		String after = publishedAddress();
		// the Service shows the new address, or the annotations that ask for the new LB
		String annotationsBefore = ClusterSetup.serviceAnnotations(previous).toString();
		String annotationsAfter = ClusterSetup.serviceAnnotations(kind).toString();
		boolean moved = !before.equals(after);
		if (this.core.emitter.wants() && (moved || !annotationsBefore.equals(annotationsAfter))) {
			ServiceRenderer renderer = this.core.serviceRenderer;
			Service service = this.world.service();
			this.core.emitter.emit(new ServiceUpdated(this.core.now(),
					moved ? "status.loadBalancer.ingress" : "metadata.annotations", moved ? before : annotationsBefore,
					moved ? after : annotationsAfter, service.healthCheckNodePort(),
					(renderer != null) ? renderer.render(this.world.declared(service), kind) : null));
		}
		if (this.core.emitter.wants()) {
			this.core.emitter.emit(new LoadBalancerKindChanged(this.core.now(), kind, kind.label(),
					SimulatedBalancers.spreadKnob(kind), SnapshotBuilder.nodes(this.core)));
		}
	}

	/** What the load balancer wrote into the Service's status: its hostname or its IP. */
	private String publishedAddress() {
		String hostname = this.world.loadBalancerHostname;
		List<String> ips = this.world.service().loadBalancerIps();
		return (hostname != null) ? hostname : ips.isEmpty() ? "" : ips.get(0);
	}

	/**
	 * A new dataplane applies to new connections; established ones keep the NAT their
	 * conntrack entries hold.
	 */
	private void setDataplane(Dataplane dataplane) {
		if (this.checkOnly || dataplane == this.core.settings.dataplane()) {
			return;
		}
		this.core.settings = this.core.settings.withDataplane(dataplane);
		if (this.core.emitter.wants()) {
			this.core.emitter.emit(new DataplaneChanged(this.core.now(), dataplane));
		}
	}

	/**
	 * A new network applies to new connections; established ones keep the address their
	 * conntrack entries hold.
	 */
	private void setNetwork(NetworkModel network) {
		if (this.checkOnly || network == this.core.settings.network()) {
			return;
		}
		this.core.settings = this.core.settings.withNetwork(network);
		if (this.core.emitter.wants()) {
			this.core.emitter.emit(new NetworkChanged(this.core.now(), network));
		}
	}

	private void setRate(double connectionsPerSecond) {
		SettingsCheck.checkRate(connectionsPerSecond);
		if (this.checkOnly) {
			return;
		}
		this.core.settings = this.core.settings.withConnectionsPerSecond(connectionsPerSecond);
		this.core.traffic.rateChanged();
		if (this.core.emitter.wants()) {
			this.core.emitter.emit(new ClientRateChanged(this.core.now(), connectionsPerSecond));
		}
	}

}
