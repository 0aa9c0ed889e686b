package io.trafficlab.engine.simulation;

import java.util.List;

import io.trafficlab.engine.balancer.Dataplane;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.balancer.LoadBalancerModel;
import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.model.Spelled;
import io.trafficlab.engine.net.NetworkModel;
import org.jspecify.annotations.Nullable;

/**
 * The full current state of a {@link Simulation}, for a late joiner: draw this, then
 * apply the events that follow.
 *
 * @param now the simulated time, in microseconds since start
 * @param settings the current settings (the LB model and client rate as last set by
 * commands)
 * @param nodes every node, in cluster order, plus nodes that are gone but still LB
 * targets
 * @param pods every pod, in creation order
 * @param service the Service the simulation follows, as the API server stores it
 * @param clientIps the external clients
 * @param loadBalancer the cloud LB's model
 * @param connectionsPerSecond the client rate
 * @param connections how many connections have arrived so far
 * @param loadBalancerHostname the AWS NLB's DNS name (in the Service's status, which
 * shows no IP), {@code null} when the Service has no load balancer
 * @param loadBalancerKind the load balancer of the catalogue in front of the cluster
 * @param loadBalancerName its name as the canvas shows it
 * @param dataplane what proxies Service traffic on the nodes
 * @param network the pod network, which decides the address kube-proxy's SNAT gives
 * @param announcingNode MetalLB L2: the node that answers ARP for the LB IP now;
 * {@code null} for another load balancer or when no node announces
 * @param advertisingNodes MetalLB BGP: the nodes the router has a route through now (a
 * killed node's until the BGP hold time ends); empty for another load balancer
 * @param spreadKnob whether the even/weighted knob ({@code loadBalancer}) tunes how the
 * load balancer spreads
 */
public record SimulationSnapshot(long now, SimulationSettings settings, List<NodeState> nodes, List<PodState> pods,
		Service service, List<String> clientIps, LoadBalancerModel loadBalancer, double connectionsPerSecond,
		long connections, @Nullable String loadBalancerHostname, LoadBalancerKind loadBalancerKind,
		String loadBalancerName, Dataplane dataplane, NetworkModel network, @Nullable String announcingNode,
		List<String> advertisingNodes, boolean spreadKnob) {

	public SimulationSnapshot {
		advertisingNodes = List.copyOf(advertisingNodes);
		nodes = List.copyOf(nodes);
		pods = List.copyOf(pods);
		clientIps = List.copyOf(clientIps);
	}

	/**
	 * One node.
	 *
	 * @param name the node name
	 * @param internalIp its InternalIP
	 * @param zone its zone, or {@code null}
	 * @param cordoned whether it is unschedulable
	 * @param gone whether it has been killed (it stays an LB target until the LB
	 * deregisters it)
	 * @param probeTarget what the LB probes on it: {@code "192.168.0.11:32000/healthz"}
	 * (HTTP, Local) or {@code "192.168.0.11:30080"} (TCP connect to the NodePort,
	 * Cluster); {@code ""} when the Service has no cloud LB
	 * @param probeStatus the HTTP status that probe would get now: 200, 503, or 0 for a
	 * TCP probe or when nothing answers (the node is gone, or its kube-proxy has not
	 * opened the health-check port yet)
	 * @param probeAnswer that probe's outcome ({@code http} with {@code probeStatus},
	 * {@code connected}, {@code refused}, {@code timed-out}), {@code null} when nothing
	 * probes the node
	 * @param verdict the LB's current verdict, or {@code null} when the node is not an LB
	 * target (or there is no LB)
	 * @param consecutive how many probes in a row have agreed with the last one
	 * @param conntrackEntries the connections in flight through this node
	 * @param programmedAt when kube-proxy last synced its rules here
	 */
	public record NodeState(String name, String internalIp, @Nullable String zone, boolean cordoned, boolean gone,
			String probeTarget, int probeStatus, @Nullable ProbeAnswer probeAnswer, @Nullable TargetState verdict,
			int consecutive, int conntrackEntries, long programmedAt) {
	}

	/**
	 * One pod.
	 *
	 * @param name the pod name
	 * @param node its node, or {@code null} while pending
	 * @param ip its address, or {@code null} while pending
	 * @param status its lifecycle state
	 * @param workload its owner ({@code "Deployment/web"}), or {@code null} for a bare
	 * pod
	 * @param backsService whether the Service selects it
	 * @param since when it entered {@code status}
	 * @param serving whether its endpoint serves (EndpointSlice {@code serving}): Ready,
	 * or terminating after having been Ready while its app still runs; a terminating pod
	 * that no longer serves is one whose app has exited while another container or
	 * kubelet has not removed it yet
	 * @param stopsServingAt when a terminating pod's app exits and its endpoint stops
	 * serving (still ahead while {@code serving}, past once not); {@code -1} when no
	 * timer ends its serving (not terminating, never Ready, or its node is dead)
	 */
	public record PodState(String name, @Nullable String node, @Nullable String ip, PodStatus status,
			@Nullable String workload, boolean backsService, long since, boolean serving, long stopsServingAt) {
	}

	/** A pod's lifecycle in the simulation. */
	public enum PodStatus implements Spelled {

		/** No node fits it yet. */
		PENDING,

		/** Created on a node, not yet Ready. */
		STARTING,

		/** Ready: a Ready endpoint (R3). */
		READY,

		/**
		 * Running, but its Ready condition is False: the node controller marked it
		 * NotReady because its node stopped answering. Neither a ready nor a serving
		 * endpoint.
		 */
		NOT_READY,

		/**
		 * Terminating: serving until deleted, used only as a fallback (R4), not counted
		 * by the health check (R17).
		 */
		TERMINATING;

	}

}
