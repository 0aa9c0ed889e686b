package io.trafficlab.engine.simulation;

import java.util.List;

import io.trafficlab.engine.balancer.CloudLoadBalancer;
import io.trafficlab.engine.balancer.Dataplane;
import io.trafficlab.engine.balancer.LoadBalancerCatalog;
import io.trafficlab.engine.balancer.NodeProbe;
import io.trafficlab.engine.balancer.ProbeProtocol;
import io.trafficlab.engine.balancer.ProbeSpec;
import io.trafficlab.engine.health.HealthCheckResponse;
import io.trafficlab.engine.health.ProxyHealth;
import io.trafficlab.engine.health.ProxyHealthServer;
import io.trafficlab.engine.health.ServiceHealthCheck;
import io.trafficlab.engine.kernel.SplitMix64;
import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.proxy.Decision;
import io.trafficlab.engine.proxy.Verdict;
import org.jspecify.annotations.Nullable;

/**
 * What the AWS NLB's health check of one node finds (R20,
 * {@link LoadBalancerHealthChecks}): under Local an HTTP {@code GET /healthz} on the
 * healthCheckNodePort, answered by kube-proxy's health server (R17, R18); under Cluster a
 * TCP connect to the NodePort, which kube-proxy's rules treat like any external
 * connection to the NodePort: DNATed to one endpoint chosen per probe (R11), so it
 * connects only if that endpoint answers.
 */
final class ProbeAnswers {

	private ProbeAnswers() {
	}

	/**
	 * What a probe of {@code node} finds; {@code random} draws the endpoint a TCP probe
	 * is DNATed to, {@code null} to describe the probe without drawing (it then connects
	 * when any candidate endpoint answers).
	 */
	static ProbeResult answer(Service service, SimNode node, List<SimPod> pods, @Nullable SplitMix64 random,
			@Nullable ProbeSpec probe) {
		// the path the LB asks for, as its controller's annotations set it (kube-proxy's
		// health-check server answers any path alike, R18)
		String path = (probe != null && probe.protocol() == ProbeProtocol.HTTP) ? probe.path() : null;
		return ServiceHealthCheck.hasHealthCheck(service)
				? healthCheckNodePort(service, node, (path != null) ? path : LoadBalancerCatalog.HEALTHZ)
				: trafficPort(service, node, pods, random, (path != null) ? path : "");
	}

	/**
	 * What a probe of kube-proxy's own {@code /healthz} on
	 * {@link LoadBalancerCatalog#PROXY_HEALTH_PORT} finds (GKE's shared check under
	 * Cluster): 200 while kube-proxy is healthy and the node eligible (R19); nothing
	 * listens there under Cilium (refused).
	 */
	static ProbeResult proxyHealthz(SimNode node, Dataplane dataplane) {
		String target = node.model.internalIp() + ":" + LoadBalancerCatalog.PROXY_HEALTH_PORT
				+ LoadBalancerCatalog.HEALTHZ;
		if (node.killed) {
			return ProbeResult.timedOut(target, node.name + " is gone");
		}
		if (dataplane.cilium()) {
			return ProbeResult.refused(target, "Cilium replaces kube-proxy, and nothing serves port "
					+ LoadBalancerCatalog.PROXY_HEALTH_PORT + " on " + node.name);
		}
		ProxyHealth health = ProxyHealthServer.healthz(node.model);
		return new ProbeResult(target, health.status(), "", ProbeAnswer.HTTP_STATUS,
				new NodeProbe(health.status() == 200, null), null, false);
	}

	private static ProbeResult healthCheckNodePort(Service service, SimNode node, String path) {
		String target = node.model.internalIp() + ":" + service.healthCheckNodePort() + path;
		NodeRules rules = node.rules;
		if (node.killed) {
			return ProbeResult.timedOut(target, node.name + " is gone");
		}
		if (rules == null || rules.service.healthCheckNodePort() != service.healthCheckNodePort()
				|| !ServiceHealthCheck.hasHealthCheck(rules.service)) {
			return ProbeResult.refused(target, "kube-proxy on " + node.name + " has not opened health-check port "
					+ service.healthCheckNodePort() + " yet");
		}
		HealthCheckResponse response = ServiceHealthCheck.respond(rules.service, node.model, rules.localReadyEndpoints);
		NodeProbe probe = CloudLoadBalancer.probe(service, response, ProxyHealthServer.healthz(node.model));
		int status = (response != null) ? response.status() : 0;
		return new ProbeResult(target, status, (response != null) ? response.body() : "", ProbeAnswer.HTTP_STATUS,
				probe, null, false);
	}

	/**
	 * A SYN to nodeIP:nodePort enters the same external chain as a client's connection
	 * (R1, R8), never the source ranges (R13: NodePorts bypass them), and is DNATed to
	 * one endpoint of the node's set, chosen per probe (R11). If that endpoint answers,
	 * its SYN-ACK comes back through conntrack: connected, even on a node with no pod of
	 * its own. If it is a pod on a dead node (still a Ready endpoint until the node
	 * controller marks it NotReady) or a deleted pod (stale rules), the probe times out,
	 * so a healthy node can fail its probe; a terminating pod whose app has exited
	 * refuses it. With no endpoint anywhere kube-proxy REJECTs (R10): refused on every
	 * node, so the LB fails open. A DROP (Local with no local endpoint, or no rules yet,
	 * as the data path treats them) leaves the probe to time out.
	 */
	private static ProbeResult trafficPort(Service service, SimNode node, List<SimPod> pods,
			@Nullable SplitMix64 random, String path) {
		String target = node.model.internalIp() + ":" + service.primaryPort().nodePort() + path;
		NodeRules rules = node.rules;
		if (node.killed) {
			return ProbeResult.timedOut(target, node.name + " is gone");
		}
		NodeRoute route = (rules != null) ? nodePortRoute(rules) : null;
		if (route == null) {
			return ProbeResult.timedOut(target, "kube-proxy on " + node.name + " has not programmed the NodePort yet");
		}
		if (route.decision == Decision.REJECT_NO_ENDPOINTS) {
			return ProbeResult.refused(target,
					"the Service has no endpoint, so kube-proxy on " + node.name + " rejects it (R10)");
		}
		if (route.verdict == Verdict.DNAT && route.pods.length > 0) {
			SimPod pod = dnatTarget(route.pods, pods, random);
			if (pod == null) {
				return new ProbeResult(target, 0, "", ProbeAnswer.CONNECTED, new NodeProbe(true, null), null, false);
			}
			if (!gone(pod) && !pod.node.killed) {
				return ProbeResult.refused(target, "kube-proxy on " + node.name + " DNATs the probe to " + pod.name
						+ " (" + pod.ip + "), whose app has exited: nothing listens, so its kernel refuses it");
			}
			return ProbeResult.timedOut(target,
					"kube-proxy on " + node.name + " DNATs the probe to " + pod.name + " (" + pod.ip + "), "
							+ (gone(pod) ? "which is gone (stale rules)"
									: "on " + pod.node.name + ", which is dead: its endpoint is still Ready"));
		}
		return ProbeResult.timedOut(target, "kube-proxy on " + node.name + " drops it (R10)");
	}

	/**
	 * The endpoint a probe is DNATed to when it does not answer, {@code null} when it
	 * does. Without {@code random}, the first endpoint that does not answer only when no
	 * endpoint does.
	 */
	private static @Nullable SimPod dnatTarget(int[] slots, List<SimPod> pods, @Nullable SplitMix64 random) {
		if (random != null) {
			SimPod pod = pods.get(slots[(slots.length == 1) ? 0 : random.nextInt(slots.length)]);
			return answers(pod) ? null : pod;
		}
		SimPod silent = null;
		for (int slot : slots) {
			SimPod pod = pods.get(slot);
			if (answers(pod)) {
				return null;
			}
			silent = (silent != null) ? silent : pod;
		}
		return silent;
	}

	private static boolean answers(SimPod pod) {
		return !gone(pod) && !pod.node.killed && !pod.exited;
	}

	private static boolean gone(SimPod pod) {
		return pod.deleted || pod.node == null;
	}

	/**
	 * The route of a connection the source ranges do not concern, or {@code null} when
	 * none is known.
	 */
	private static @Nullable NodeRoute nodePortRoute(NodeRules rules) {
		for (NodeRoute route : rules.routes) {
			if (route != null && route.decision != Decision.DROP_SOURCE_RANGES) {
				return route;
			}
		}
		return null;
	}

	/**
	 * What one probe found.
	 *
	 * @param target what was probed
	 * @param status the HTTP status, 0 for a TCP probe or when nothing answered
	 * @param body the answer's body
	 * @param answer the outcome; an {@link ProbeAnswer#HTTP_STATUS} answer's status is
	 * {@code status}
	 * @param probe passing, and the weight header
	 * @param why why it failed without an HTTP answer, or {@code null}
	 * @param timedOut whether nothing answered, so the LB learns it only when the timeout
	 * expires
	 */
	record ProbeResult(String target, int status, String body, ProbeAnswer answer, NodeProbe probe,
			@Nullable String why, boolean timedOut) {

		static ProbeResult connected(String target) {
			return new ProbeResult(target, 0, "", ProbeAnswer.CONNECTED, new NodeProbe(true, null), null, false);
		}

		static ProbeResult refused(String target, String why) {
			return new ProbeResult(target, 0, "", ProbeAnswer.REFUSED, new NodeProbe(false, null),
					"connection refused: " + why, false);
		}

		static ProbeResult timedOut(String target, String why) {
			return new ProbeResult(target, 0, "", ProbeAnswer.TIMED_OUT, new NodeProbe(false, null),
					"no answer: " + why, true);
		}

		/** Why it failed, in words: {@code "HTTP 503"} when an HTTP answer did. */
		String failure() {
			if (this.why != null) {
				return this.why;
			}
			return (this.answer == ProbeAnswer.HTTP_STATUS) ? "HTTP " + this.status : this.answer.apiName();
		}

	}

}
