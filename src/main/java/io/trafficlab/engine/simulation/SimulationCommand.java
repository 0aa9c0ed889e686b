package io.trafficlab.engine.simulation;

import io.trafficlab.engine.apiserver.DeclaredService;
import io.trafficlab.engine.balancer.Dataplane;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.balancer.LoadBalancerModel;
import io.trafficlab.engine.model.SessionAffinity;
import io.trafficlab.engine.model.TrafficPolicy;
import io.trafficlab.engine.net.NetworkModel;
import org.jspecify.annotations.Nullable;

/**
 * Something a person does to a running {@link Simulation}; it takes effect at
 * {@link Simulation#now()}. Every command is a record nested here.
 */
public sealed interface SimulationCommand {

	/**
	 * Reschedules a pod onto another node: the old pod terminates (with grace) and a new
	 * pod for the same owner starts on {@code toNode}, as a reschedule does; a bare pod
	 * moves likewise.
	 *
	 * @param pod the pod's name
	 * @param toNode the target node's name
	 */
	record MovePod(String pod, String toNode) implements SimulationCommand {
	}

	/**
	 * Deletes a pod gracefully; if a workload owns it, the workload replaces it.
	 *
	 * @param pod the pod's name
	 */
	record DeletePod(String pod) implements SimulationCommand {
	}

	/**
	 * Sets the replica count of the workload whose pods back the Service; new pods are
	 * placed by the scheduler, surplus pods terminate (newest first).
	 *
	 * @param replicas the new count
	 */
	record ScaleReplicas(int replicas) implements SimulationCommand {
	}

	/**
	 * {@code kubectl rollout restart} of the Deployment whose pods back the Service: a
	 * new ReplicaSet replaces the old pods as {@code spec.strategy.rollingUpdate} allows
	 * ({@code maxSurge}, {@code maxUnavailable}; 25 % each by default).
	 */
	record RolloutRestart() implements SimulationCommand {
	}

	/**
	 * Adds a Ready node, like the existing ones.
	 *
	 * @param name its name, or {@code null} for the next free {@code node-…} name
	 */
	record AddNode(@Nullable String name) implements SimulationCommand {
	}

	/**
	 * Removes a node in order: it is tainted for deletion (the LB deregisters it and it
	 * drains), cordoned and drained, and it leaves once its last pod is deleted.
	 *
	 * @param node the node's name
	 */
	record RemoveNode(String node) implements SimulationCommand {
	}

	/**
	 * Marks a node unschedulable, or schedulable again.
	 *
	 * @param node the node's name
	 * @param cordoned whether it becomes unschedulable
	 */
	record CordonNode(String node, boolean cordoned) implements SimulationCommand {
	}

	/**
	 * Cordons a node and evicts its pods: each terminates with grace and its owner places
	 * a replacement elsewhere.
	 *
	 * @param node the node's name
	 */
	record DrainNode(String node) implements SimulationCommand {
	}

	/**
	 * The node dies: it is gone at once with its pods (no grace), owners place
	 * replacements, and the cloud LB only notices through failing probes.
	 *
	 * @param node the node's name
	 */
	record KillNode(String node) implements SimulationCommand {
	}

	/**
	 * Updates {@code spec.externalTrafficPolicy} through the API server's update rules
	 * (R23); {@code Local} allocates a healthCheckNodePort (R16).
	 *
	 * @param policy the new policy
	 */
	record SetExternalTrafficPolicy(TrafficPolicy policy) implements SimulationCommand {
	}

	/**
	 * Updates {@code spec.internalTrafficPolicy} (R2).
	 *
	 * @param policy the new policy
	 */
	record SetInternalTrafficPolicy(TrafficPolicy policy) implements SimulationCommand {
	}

	/**
	 * Updates {@code spec.sessionAffinity} (R12).
	 *
	 * @param affinity the new affinity
	 */
	record SetSessionAffinity(SessionAffinity affinity) implements SimulationCommand {
	}

	/**
	 * Replaces the followed Service's spec as {@code kubectl edit} or
	 * {@code kubectl apply} would: the API server's update rules (R22, R23) decide, then
	 * the simulation takes the result if it changes only fields it follows (the policies,
	 * session affinity, node ports and the health-check node port).
	 *
	 * @param service the Service as the person edited it
	 */
	record UpdateService(DeclaredService service) implements SimulationCommand {
	}

	/**
	 * Changes how the cloud LB spreads connections (R20).
	 *
	 * @param model the new model
	 */
	record SetLoadBalancerModel(LoadBalancerModel model) implements SimulationCommand {
	}

	/**
	 * Puts another load balancer of the catalogue in front of the cluster.
	 *
	 * @param kind the new load balancer
	 */
	record SetLoadBalancerKind(LoadBalancerKind kind) implements SimulationCommand {
	}

	/**
	 * Changes what proxies Service traffic on the nodes.
	 *
	 * @param dataplane the new dataplane
	 */
	record SetDataplane(Dataplane dataplane) implements SimulationCommand {
	}

	/**
	 * Changes the pod network, which decides the address kube-proxy's SNAT gives (R15).
	 *
	 * @param network the new network model
	 */
	record SetNetwork(NetworkModel network) implements SimulationCommand {
	}

	/**
	 * Changes the clients' rate of new connections.
	 *
	 * @param connectionsPerSecond 0 to
	 * {@link SimulationLimits#MAX_CONNECTIONS_PER_SECOND}
	 */
	record SetClientRate(double connectionsPerSecond) implements SimulationCommand {
	}

}
