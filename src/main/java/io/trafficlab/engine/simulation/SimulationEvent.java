package io.trafficlab.engine.simulation;

import java.util.List;

import io.trafficlab.engine.balancer.Dataplane;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.balancer.LoadBalancerModel;
import io.trafficlab.engine.net.NetworkModel;
import org.jspecify.annotations.Nullable;

/**
 * Something that happened in a {@link Simulation}, at simulated time {@link #time()}
 * (microseconds since start). Every event is a past-tense record nested here; its fields
 * are primitives, strings and small value types of this package ({@link Hop},
 * {@link TargetState}), never engine internals, so the web layer can map them 1:1 to
 * JSON.
 */
public sealed interface SimulationEvent {

	/** When it happened, in simulated microseconds since start. */
	long time();

	/**
	 * A new external connection reached a pod. The hop list holds the whole trip, request
	 * and reply, each hop with its own time; the connection holds a conntrack entry on
	 * its entry node until {@code completesAt}.
	 *
	 * @param time when the client sent the first packet
	 * @param connection the connection's number, from 1
	 * @param clientIp the client's address
	 * @param entryNode the node the cloud LB sent it to
	 * @param node the pod's node (the entry node, or another one under Cluster)
	 * @param pod the pod that serves it
	 * @param podIp the pod's address
	 * @param sourceSeen the source address the pod sees (the client under Local, a node
	 * under Cluster: R10)
	 * @param hops the trip, request then reply
	 * @param completesAt when the reply reaches the client and the conntrack entry goes
	 */
	record ConnectionRouted(long time, long connection, String clientIp, String entryNode, String node, String pod,
			String podIp, String sourceSeen, List<Hop> hops, long completesAt) implements SimulationEvent {

		public ConnectionRouted {
			hops = List.copyOf(hops);
		}

	}

	/**
	 * A new external connection was silently dropped; the client times out.
	 *
	 * @param time when the client sent the first packet
	 * @param connection the connection's number
	 * @param clientIp the client's address
	 * @param node where it was dropped ({@code "lb"} when there was no node to send it
	 * to)
	 * @param reason why, in plain words
	 * @param hops the trip up to the drop
	 */
	record ConnectionDropped(long time, long connection, String clientIp, String node, String reason,
			List<Hop> hops) implements SimulationEvent {

		public ConnectionDropped {
			hops = List.copyOf(hops);
		}

	}

	/**
	 * A new external connection was refused (ICMP port unreachable / TCP reset at once:
	 * R5).
	 *
	 * @param time when the client sent the first packet
	 * @param connection the connection's number
	 * @param clientIp the client's address
	 * @param node the node that refused it
	 * @param reason why, in plain words
	 * @param hops the trip up to the refusal
	 */
	record ConnectionRejected(long time, long connection, String clientIp, String node, String reason,
			List<Hop> hops) implements SimulationEvent {

		public ConnectionRejected {
			hops = List.copyOf(hops);
		}

	}

	/**
	 * An established connection was cut before it completed, because its pod (or a node
	 * on its path) went away.
	 *
	 * @param time when it was cut
	 * @param connection the connection's number
	 * @param clientIp the client's address
	 * @param pod the pod it was on
	 * @param node the pod's node
	 * @param reason why, in plain words
	 */
	record ConnectionReset(long time, long connection, String clientIp, String pod, String node,
			String reason) implements SimulationEvent {
	}

	/**
	 * The cloud LB probed a node (or, with NLB ip targets, a pod) and counted the answer.
	 *
	 * @param time when the probe was answered, or for a probe nothing answered, when its
	 * timeout expired
	 * @param node the probed node, or the node the probed pod runs on
	 * @param pod with NLB ip targets the probed pod; {@code null} when the target is a
	 * node
	 * @param target what was probed: {@code "10.0.0.11:31000/healthz"} (HTTP to the
	 * healthCheckNodePort under Local) or {@code "10.0.0.11:30080"} (TCP connect to the
	 * NodePort under Cluster)
	 * @param status the HTTP status, or 0 for a TCP probe and when nothing answered (the
	 * node is gone, or its kube-proxy has not opened the health-check port yet)
	 * @param body the healthCheckNodePort's body, byte for byte (R18); {@code ""} for a
	 * TCP probe and when nothing answered
	 * @param answer the outcome: {@code http} (with {@code status}), {@code connected},
	 * {@code refused} or {@code timed-out}
	 * @param passed whether the LB counts it as a passing probe
	 * @param verdict the LB's verdict on the node after this probe
	 * @param consecutive how many probes in a row have now passed (or failed, when this
	 * one failed)
	 * @param threshold how many in a row set the verdict: the probe's healthy threshold
	 * after a pass, its unhealthy threshold after a failure (the load balancer's own, as
	 * the sandbox probes it)
	 */
	record ProbeAnswered(long time, String node, @Nullable String pod, String target, int status, String body,
			ProbeAnswer answer, boolean passed, TargetState verdict, int consecutive,
			int threshold) implements SimulationEvent {

		/** The target's name: the pod with ip targets, else the node. */
		public String targetName() {
			return (this.pod != null) ? this.pod : this.node;
		}

	}

	/**
	 * The cloud LB changed its verdict on a target (a node, or with NLB ip targets a
	 * pod), or registered or deregistered it.
	 *
	 * @param time when
	 * @param node the node, or the node the pod target runs on
	 * @param pod with NLB ip targets the pod; {@code null} when the target is a node
	 * @param from the previous verdict ({@code null} when the node was just registered)
	 * @param to the new verdict ({@code null} when the node was deregistered)
	 * @param reason why, in plain words
	 */
	record LoadBalancerTargetChanged(long time, String node, @Nullable String pod, @Nullable TargetState from,
			@Nullable TargetState to, String reason) implements SimulationEvent {

		/** The target's name: the pod with ip targets, else the node. */
		public String targetName() {
			return (this.pod != null) ? this.pod : this.node;
		}

	}

	/**
	 * kube-proxy on a node applied the endpoints as they were when its sync started
	 * (R2–R7).
	 *
	 * @param time when the new rules took effect
	 * @param node the node
	 * @param clusterEndpoints the Cluster set's pod IPs, sorted, or {@code null} when the
	 * node does not use it (R2)
	 * @param localEndpoints the Local set's pod IPs, sorted, or {@code null} when the
	 * node does not use it (R2)
	 */
	record ProxyRulesSynced(long time, String node, @Nullable List<String> clusterEndpoints,
			@Nullable List<String> localEndpoints) implements SimulationEvent {

		public ProxyRulesSynced {
			clusterEndpoints = (clusterEndpoints != null) ? List.copyOf(clusterEndpoints) : null;
			localEndpoints = (localEndpoints != null) ? List.copyOf(localEndpoints) : null;
		}

	}

	/**
	 * A new pod was created; it is on a node when the scheduler found one, pending
	 * otherwise.
	 *
	 * @param time when
	 * @param pod the pod's name
	 * @param node its node, or {@code null} when no node fits (see {@code reason})
	 * @param podIp its address, or {@code null} when pending
	 * @param workload its owner ({@code "Deployment/web"}), or {@code null} for a bare
	 * pod
	 * @param reason why it was created or why it is pending, in plain words
	 */
	record PodScheduled(long time, String pod, @Nullable String node, @Nullable String podIp, @Nullable String workload,
			String reason) implements SimulationEvent {
	}

	/**
	 * A pod's readiness probe passed: it becomes a Ready endpoint (R3).
	 *
	 * @param time when
	 * @param pod the pod
	 * @param node its node
	 */
	record PodBecameReady(long time, String pod, String node) implements SimulationEvent {
	}

	/**
	 * A pod started terminating: no longer Ready, still serving until it is deleted (R4).
	 *
	 * @param time when
	 * @param pod the pod
	 * @param node its node
	 * @param deletesAt when it is deleted: its last container has exited, at the latest
	 * at the end of its grace period ({@code -1}: not while its node is dead)
	 * @param reason why, in plain words
	 * @param stopsServingAt when its app exits and its endpoint stops serving
	 * ({@code -1}: it does not serve now, or not while its node is dead)
	 * @param shutdown why it stops serving then
	 * ({@code "web: preStop sleep 15 s ended, then
	 * the app exited on SIGTERM (…)"}), or {@code null}
	 * @param serving whether its endpoint serves now: it had been Ready and its app has
	 * not exited (a pod that never became Ready does not)
	 */
	record PodTerminating(long time, String pod, String node, long deletesAt, String reason, long stopsServingAt,
			@Nullable String shutdown, boolean serving) implements SimulationEvent {
	}

	/**
	 * A terminating pod's app exited: the pod is no longer Ready, its endpoint is
	 * {@code serving=false}, and a connection that still reaches it is refused.
	 *
	 * @param time when
	 * @param pod the pod
	 * @param node its node
	 * @param reason why now, in plain words
	 */
	record PodStoppedServing(long time, String pod, String node, String reason) implements SimulationEvent {
	}

	/**
	 * A pod is gone.
	 *
	 * @param time when
	 * @param pod the pod
	 * @param node its node ({@code null} if it never had one)
	 * @param reason why, in plain words
	 */
	record PodDeleted(long time, String pod, @Nullable String node, String reason) implements SimulationEvent {
	}

	/**
	 * A node joined the cluster.
	 *
	 * @param time when
	 * @param node its name
	 * @param internalIp its InternalIP
	 * @param zone its zone, or {@code null}
	 */
	record NodeAdded(long time, String node, String internalIp, @Nullable String zone) implements SimulationEvent {
	}

	/**
	 * A node left the cluster: its Node object was deleted.
	 *
	 * @param time when
	 * @param node its name
	 * @param killed whether it had died (its pods deleted by pod GC) rather than being
	 * drained in order
	 * @param reason what happened, in plain words
	 */
	record NodeRemoved(long time, String node, boolean killed, String reason) implements SimulationEvent {
	}

	/**
	 * A node's machine died. The Node object and its pods stay; its pods are still Ready
	 * endpoints until the node controller marks them NotReady ({@link NodeNotReady}).
	 *
	 * @param time when
	 * @param node the node
	 * @param reason what happens next, in plain words
	 */
	record NodeDied(long time, String node, String reason) implements SimulationEvent {
	}

	/**
	 * The node controller saw no heartbeat for {@code node-monitor-grace-period}: the
	 * node's Ready condition is Unknown, it is tainted
	 * {@code node.kubernetes.io/unreachable} (NoExecute, NoSchedule) and its pods are
	 * marked NotReady, so their endpoints are neither ready nor serving.
	 *
	 * @param time when
	 * @param node the node
	 * @param pods the pods marked NotReady
	 * @param reason what happened and what comes next, in plain words
	 */
	record NodeNotReady(long time, String node, List<String> pods, String reason) implements SimulationEvent {

		public NodeNotReady {
			pods = List.copyOf(pods);
		}

	}

	/**
	 * The taint eviction controller deleted a pod whose toleration of the unreachable
	 * taint ran out. It stays Terminating on its dead node (no kubelet confirms its end);
	 * its owner creates a replacement.
	 *
	 * @param time when
	 * @param pod the pod
	 * @param node its dead node
	 * @param reason why, in plain words
	 */
	record PodEvicted(long time, String pod, String node, String reason) implements SimulationEvent {
	}

	/**
	 * A node was cordoned or uncordoned.
	 *
	 * @param time when
	 * @param node the node
	 * @param cordoned whether it is now unschedulable
	 */
	record NodeCordoned(long time, String node, boolean cordoned) implements SimulationEvent {
	}

	/**
	 * The API server accepted a change to the Service.
	 *
	 * @param time when
	 * @param field the changed field, e.g. {@code "spec.externalTrafficPolicy"}
	 * @param from the old value as the API spells it
	 * @param to the new value as the API spells it
	 * @param healthCheckNodePort the Service's health-check port afterwards (0 when none:
	 * R16)
	 * @param serviceYaml the whole Service afterwards as its {@link ServiceRenderer}
	 * writes it, {@code null} when the simulation has none
	 */
	record ServiceUpdated(long time, String field, String from, String to, int healthCheckNodePort,
			@Nullable String serviceYaml) implements SimulationEvent {
	}

	/**
	 * The workload's replica count changed.
	 *
	 * @param time when
	 * @param workload the workload ({@code "Deployment/web"})
	 * @param from the old count
	 * @param to the new count
	 */
	record ReplicasScaled(long time, String workload, int from, int to) implements SimulationEvent {
	}

	/**
	 * The cloud LB's spreading model changed (R20).
	 *
	 * @param time when
	 * @param model the new model
	 */
	record LoadBalancerModelChanged(long time, LoadBalancerModel model) implements SimulationEvent {
	}

	/**
	 * Another load balancer of the catalogue is in front of the cluster.
	 *
	 * @param time when
	 * @param kind the new load balancer
	 * @param name its name as the canvas shows it
	 * @param spreadKnob whether the even/weighted knob tunes how it spreads
	 * @param nodes every node as a snapshot shows it once the new load balancer starts
	 * from the cluster as it is: what it probes there, its verdict and how many probes in
	 * a row set it (no probe and no verdict when it probes no node: MetalLB, or ip
	 * targets); the old one's no longer hold
	 */
	record LoadBalancerKindChanged(long time, LoadBalancerKind kind, String name, boolean spreadKnob,
			List<SimulationSnapshot.NodeState> nodes) implements SimulationEvent {
	}

	/**
	 * Another dataplane proxies Service traffic on the nodes.
	 *
	 * @param time when
	 * @param dataplane the new dataplane
	 */
	record DataplaneChanged(long time, Dataplane dataplane) implements SimulationEvent {
	}

	/**
	 * The pod network changed, and with it the address kube-proxy's SNAT gives.
	 *
	 * @param time when
	 * @param network the new network model
	 */
	record NetworkChanged(long time, NetworkModel network) implements SimulationEvent {
	}

	/**
	 * The clients' rate of new connections changed.
	 *
	 * @param time when
	 * @param connectionsPerSecond the new rate
	 */
	record ClientRateChanged(long time, double connectionsPerSecond) implements SimulationEvent {
	}

}
