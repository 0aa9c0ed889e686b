package io.trafficlab.engine.goal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.trafficlab.engine.analysis.EndpointAnalysis;
import io.trafficlab.engine.analysis.LoadBalancerAnalysis;
import io.trafficlab.engine.analysis.NodeAnalysis;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.balancer.ProbeProtocol;
import io.trafficlab.engine.balancer.ProbeSpec;
import io.trafficlab.engine.balancer.ProbeTarget;
import io.trafficlab.engine.health.HealthCheckResponse;
import io.trafficlab.engine.model.Fraction;
import io.trafficlab.engine.model.TrafficPolicy;
import org.jspecify.annotations.Nullable;

/**
 * One thing that must be true of the sandbox. Conditions name nodes, never pods: a move
 * or a reschedule gives a pod a new name, and a goal must accept every placement that
 * reaches it. Every condition is a record nested here.
 */
public sealed interface Condition {

	/** The condition in words, as the learner reads it in the checklist. */
	String describe();

	/**
	 * The condition in words for {@code subject}'s load balancer: {@link #describe()}
	 * unless the words depend on it.
	 */
	default String describe(GoalSubject subject) {
		return describe();
	}

	/** Whether the condition holds for {@code subject}, and the facts that decide it. */
	ConditionVerdict check(GoalSubject subject);

	/**
	 * The Service's {@code externalTrafficPolicy} is {@code policy}.
	 *
	 * @param policy the required policy
	 */
	record PolicyIs(TrafficPolicy policy) implements Condition {

		@Override
		public String describe() {
			return "externalTrafficPolicy is " + this.policy.apiName();
		}

		@Override
		public ConditionVerdict check(GoalSubject subject) {
			TrafficPolicy actual = subject.service().service().externalPolicyLocal() ? TrafficPolicy.LOCAL
					: TrafficPolicy.CLUSTER;
			return ConditionVerdict.of(actual == this.policy, "externalTrafficPolicy is " + actual.apiName());
		}

	}

	/**
	 * Every pod that receives connections sees the client's own address (no SNAT), or,
	 * with {@code kept} false, at least one pod sees another address instead.
	 *
	 * @param kept whether the client address must be kept
	 */
	record ClientIpKept(boolean kept) implements Condition {

		@Override
		public String describe() {
			return this.kept ? "Every pod sees the client's own IP address"
					: "Pods see a node's address instead of the client's (SNAT)";
		}

		@Override
		public ConditionVerdict check(GoalSubject subject) {
			List<EndpointAnalysis> receiving = subject.pods()
				.stream()
				.filter((pod) -> !pod.externalShare().isZero())
				.toList();
			if (receiving.isEmpty()) {
				return ConditionVerdict.of(false, "no pod receives connections");
			}
			for (EndpointAnalysis pod : receiving) {
				for (String source : pod.sourcesSeen().keySet()) {
					if (!source.equals(subject.clientIp())) {
						return ConditionVerdict.of(!this.kept, GoalSubject.name(pod) + " sees " + source
								+ " instead of the client's " + subject.clientIp());
					}
				}
			}
			return ConditionVerdict.of(this.kept, "every pod sees the client's " + subject.clientIp());
		}

	}

	/**
	 * No pod takes more than {@code limit} times the mean share of the pods.
	 *
	 * @param limit the largest allowed ratio of a pod's share to the mean, at least 1
	 */
	record MaxShareRatio(Fraction limit) implements Condition {

		@Override
		public String describe() {
			return "No pod takes more than " + Shares.decimal(this.limit) + "× the mean share";
		}

		@Override
		public ConditionVerdict check(GoalSubject subject) {
			List<EndpointAnalysis> pods = subject.pods();
			if (pods.isEmpty()) {
				return ConditionVerdict.of(false, "no pod is ready");
			}
			Fraction mean = subject.meanShare(pods);
			if (mean.isZero()) {
				return ConditionVerdict.of(false, "no pod receives connections");
			}
			EndpointAnalysis busiest = pods.stream()
				.max(Comparator.comparing(EndpointAnalysis::externalShare))
				.orElseThrow();
			boolean holds = busiest.externalShare().compareTo(this.limit.times(mean)) <= 0;
			return ConditionVerdict.of(holds, GoalSubject.name(busiest) + " takes " + busiest.externalShare() + ", "
					+ Shares.ratio(busiest.externalShare(), mean) + "× the mean " + mean);
		}

	}

	/** Every pod takes the same share, and they take all connections between them. */
	record EqualShares() implements Condition {

		@Override
		public String describe() {
			return "Every pod gets the same share";
		}

		@Override
		public ConditionVerdict check(GoalSubject subject) {
			List<EndpointAnalysis> pods = subject.pods();
			if (pods.isEmpty()) {
				return ConditionVerdict.of(false, "no pod is ready");
			}
			Map<Fraction, Long> counts = pods.stream()
				.collect(Collectors.groupingBy(EndpointAnalysis::externalShare, java.util.TreeMap::new,
						Collectors.counting()));
			String spread = counts.entrySet()
				.stream()
				.map((entry) -> entry.getValue() + " × " + entry.getKey())
				.collect(Collectors.joining(", "));
			boolean holds = counts.size() == 1 && !pods.get(0).externalShare().isZero();
			return ConditionVerdict.of(holds, "shares: " + spread);
		}

	}

	/**
	 * The cloud load balancer's health check passes (or, with {@code passes} false,
	 * fails) on a node.
	 *
	 * @param node the node's name
	 * @param passes whether it must pass
	 */
	record HealthCheckPasses(String node, boolean passes) implements Condition {

		@Override
		public String describe() {
			return "Node " + this.node + (this.passes ? " passes" : " fails") + " the load balancer's health check";
		}

		/**
		 * MetalLB probes nothing (passing means announcing or advertising the IP); with
		 * ip targets the nodes are not targets (passing means the LB sends to its pods).
		 */
		@Override
		public String describe(GoalSubject subject) {
			LoadBalancerAnalysis balancer = subject.service().loadBalancer();
			return switch ((balancer != null) ? balancer.kind() : LoadBalancerKind.GENERIC) {
				case METALLB_L2 -> "Node " + this.node + (this.passes ? " announces" : " does not announce")
						+ " the load-balancer IP (MetalLB probes nothing)";
				case METALLB_BGP -> "Node " + this.node + (this.passes ? " advertises" : " does not advertise")
						+ " the load-balancer IP over BGP (MetalLB probes nothing)";
				case AWS_NLB_IP -> "The load balancer sends " + (this.passes ? "" : "no ") + "connections to node "
						+ this.node + "'s pods (ip targets: the node itself is not a target)";
				default -> describe();
			};
		}

		@Override
		public ConditionVerdict check(GoalSubject subject) {
			NodeAnalysis found = subject.node(this.node);
			if (found == null) {
				return ConditionVerdict.of(false, "there is no node " + this.node);
			}
			LoadBalancerAnalysis balancer = subject.service().loadBalancer();
			boolean local = subject.service().service().externalPolicyLocal();
			boolean holds = found.lbPassing() == this.passes;
			if (balancer != null && (balancer.kind() == LoadBalancerKind.METALLB_L2
					|| balancer.kind() == LoadBalancerKind.METALLB_BGP)) {
				boolean l2 = balancer.kind() == LoadBalancerKind.METALLB_L2;
				String does = l2 ? (found.lbPassing() ? " announces" : " does not announce")
						: (found.lbPassing() ? " advertises" : " does not advertise");
				String who = l2
						? (local ? "only a node with a local endpoint can announce it, and one of them does"
								: "one node, elected among the speakers, announces it")
						: (local ? "only the nodes with a local endpoint advertise it"
								: "every speaker's node advertises it");
				return ConditionVerdict.of(holds, this.node + does + " it: MetalLB probes nothing; " + who);
			}
			if (balancer != null && balancer.kind() == LoadBalancerKind.AWS_NLB_IP) {
				return ConditionVerdict.of(holds,
						this.node
								+ (found.lbPassing() ? " has pods the load balancer sends to"
										: " has no pod the load balancer sends to")
								+ ": with ip targets it checks each pod's port, not the node");
			}
			HealthCheckResponse answer = found.healthCheck();
			String how = (answer != null) ? "its healthCheckNodePort answers " + answer.status()
					: "the Service has no healthCheckNodePort; the load balancer checks the node itself";
			return ConditionVerdict.of(found.lbPassing() == this.passes,
					this.node + (found.lbPassing() ? " passes: " : " fails: ") + how);
		}

	}

	/**
	 * A node is Ready, or, with {@code ready} false, NotReady: the node controller has
	 * tainted it {@code node.kubernetes.io/unreachable} or {@code not-ready} because its
	 * kubelet stopped reporting. A node that has just died still counts as Ready until
	 * then, as {@code kubectl get nodes} shows it.
	 *
	 * @param node the node's name
	 * @param ready whether it must be Ready
	 */
	record NodeReady(String node, boolean ready) implements Condition {

		private static final List<String> NOT_READY_TAINTS = List.of("node.kubernetes.io/unreachable",
				"node.kubernetes.io/not-ready");

		@Override
		public String describe() {
			return "Node " + this.node + (this.ready ? " is Ready" : " is NotReady");
		}

		@Override
		public ConditionVerdict check(GoalSubject subject) {
			return subject.nodes()
				.stream()
				.filter((candidate) -> candidate.name().equals(this.node))
				.findFirst()
				.map((found) -> found.taints()
					.stream()
					.filter((taint) -> NOT_READY_TAINTS.contains(taint.key()))
					.findFirst()
					.map((taint) -> ConditionVerdict.of(!this.ready,
							this.node + " is NotReady: tainted " + taint.key() + " (its kubelet stopped reporting)"))
					.orElseGet(() -> ConditionVerdict.of(this.ready, this.node + " is Ready")))
				.orElseGet(() -> ConditionVerdict.of(false, "there is no node " + this.node));
		}

	}

	/**
	 * The number of Ready pods behind the Service.
	 *
	 * @param count the required number
	 */
	record ReadyPods(int count) implements Condition {

		@Override
		public String describe() {
			return "Exactly " + readyPods(this.count);
		}

		@Override
		public ConditionVerdict check(GoalSubject subject) {
			long ready = readyPodCount(subject);
			return ConditionVerdict.of(ready == this.count, readyPods(ready));
		}

	}

	/**
	 * At least {@code count} Ready pods behind the Service: a goal that must not be
	 * reached by deleting pods or scaling down, yet accepts scaling up.
	 *
	 * @param count the smallest number allowed
	 */
	record AtLeastReadyPods(int count) implements Condition {

		@Override
		public String describe() {
			return "At least " + readyPods(this.count);
		}

		@Override
		public ConditionVerdict check(GoalSubject subject) {
			long ready = readyPodCount(subject);
			return ConditionVerdict.of(ready >= this.count, readyPods(ready));
		}

	}

	/**
	 * The number of Ready pods on a node.
	 *
	 * @param node the node's name
	 * @param count the required number
	 */
	record PodsOnNode(String node, int count) implements Condition {

		@Override
		public String describe() {
			return "Node " + this.node + " runs " + readyPods(this.count);
		}

		@Override
		public ConditionVerdict check(GoalSubject subject) {
			long ready = subject.service()
				.endpoints()
				.stream()
				.filter((pod) -> pod.endpoint().ready() && this.node.equals(pod.endpoint().nodeName()))
				.count();
			return ConditionVerdict.of(ready == this.count, this.node + " runs " + readyPods(ready));
		}

	}

	/**
	 * Each Ready pod on a node takes exactly {@code share} of the connections.
	 *
	 * @param node the node's name
	 * @param share each pod's required share
	 */
	record PodShareOnNode(String node, Fraction share) implements Condition {

		@Override
		public String describe() {
			return "Each pod on " + this.node + " takes " + this.share + " of the connections";
		}

		@Override
		public ConditionVerdict check(GoalSubject subject) {
			List<EndpointAnalysis> pods = subject.pods()
				.stream()
				.filter((pod) -> this.node.equals(pod.endpoint().nodeName()))
				.toList();
			if (pods.isEmpty()) {
				return ConditionVerdict.of(false, this.node + " runs no ready pod");
			}
			String shares = pods.stream()
				.map((pod) -> GoalSubject.name(pod) + " " + pod.externalShare())
				.collect(Collectors.joining(", "));
			boolean holds = pods.stream().allMatch((pod) -> pod.externalShare().equals(this.share));
			return ConditionVerdict.of(holds, shares);
		}

	}

	/**
	 * The cloud load balancer sends exactly {@code share} of new connections to a node.
	 *
	 * @param node the node's name
	 * @param share the required share
	 */
	record NodeShare(String node, Fraction share) implements Condition {

		@Override
		public String describe() {
			return "The load balancer sends " + this.share + " of the connections to " + this.node;
		}

		@Override
		public ConditionVerdict check(GoalSubject subject) {
			NodeAnalysis found = subject.node(this.node);
			if (found == null) {
				return ConditionVerdict.of(false, "there is no node " + this.node);
			}
			return ConditionVerdict.of(found.lbShare().equals(this.share), this.node + " gets " + found.lbShare());
		}

	}

	/**
	 * Exactly {@code share} of new connections fail: dropped (the client times out) or
	 * refused.
	 *
	 * @param share the required share of failed connections
	 */
	record FailedShare(Fraction share) implements Condition {

		@Override
		public String describe() {
			return this.share.isZero() ? "No connection is dropped or refused"
					: this.share + " of the connections are dropped or refused";
		}

		@Override
		public ConditionVerdict check(GoalSubject subject) {
			Fraction dropped = subject.service().droppedShare();
			Fraction rejected = subject.service().rejectedShare();
			return ConditionVerdict.of(dropped.plus(rejected).equals(this.share),
					"dropped " + dropped + ", refused " + rejected);
		}

	}

	/**
	 * What the load balancer probes under the Service's current policy, as its controller
	 * configures it by default: which port, over which protocol, how often and how many
	 * results in a row flip a target. Only the fields given are compared; with
	 * {@code probes} false the load balancer must probe nothing (MetalLB).
	 *
	 * @param probes whether the load balancer probes at all
	 * @param target the port the probe reaches, or {@code null} for any
	 * @param protocol TCP or HTTP, or {@code null} for any
	 * @param intervalSeconds seconds between probes, or {@code null} for any
	 * @param timeoutSeconds seconds before a probe counts as failed, or {@code null}
	 * @param healthyThreshold passing probes in a row to turn healthy, or {@code null}
	 * @param unhealthyThreshold failing probes in a row to turn unhealthy, or
	 * {@code null}
	 */
	record ProbeIs(boolean probes, @Nullable ProbeTarget target, @Nullable ProbeProtocol protocol,
			@Nullable Integer intervalSeconds, @Nullable Integer timeoutSeconds, @Nullable Integer healthyThreshold,
			@Nullable Integer unhealthyThreshold) implements Condition {

		@Override
		public String describe() {
			if (!this.probes) {
				return "The load balancer probes nothing";
			}
			List<String> parts = new ArrayList<>();
			if (this.protocol != null) {
				parts.add(this.protocol.apiName());
			}
			if (this.target != null) {
				parts.add("to the " + this.target.apiName());
			}
			if (this.intervalSeconds != null) {
				parts.add("every " + this.intervalSeconds + " s");
			}
			if (this.timeoutSeconds != null) {
				parts.add("timeout " + this.timeoutSeconds + " s");
			}
			if (this.healthyThreshold != null) {
				parts.add(this.healthyThreshold + " passing in a row to turn healthy");
			}
			if (this.unhealthyThreshold != null) {
				parts.add(this.unhealthyThreshold + " failing in a row to turn unhealthy");
			}
			return "The load balancer probes " + String.join(", ", parts);
		}

		@Override
		public ConditionVerdict check(GoalSubject subject) {
			LoadBalancerAnalysis balancer = subject.service().loadBalancer();
			ProbeSpec probe = (balancer != null) ? balancer.probe() : null;
			if (probe == null) {
				return ConditionVerdict.of(!this.probes, "the load balancer probes nothing");
			}
			String detail = probe.protocol().apiName() + " to the " + probe.target().apiName() + " (port "
					+ probe.port() + "), every " + probe.intervalSeconds() + " s, timeout " + probe.timeoutSeconds()
					+ " s, " + probe.healthyThreshold() + "/" + probe.unhealthyThreshold() + " in a row";
			boolean holds = this.probes && matches(this.target, probe.target())
					&& matches(this.protocol, probe.protocol())
					&& matches(this.intervalSeconds, probe.intervalSeconds())
					&& matches(this.timeoutSeconds, probe.timeoutSeconds())
					&& matches(this.healthyThreshold, probe.healthyThreshold())
					&& matches(this.unhealthyThreshold, probe.unhealthyThreshold());
			return ConditionVerdict.of(holds, detail);
		}

		private static boolean matches(@Nullable Object wanted, Object actual) {
			return wanted == null || wanted.equals(actual);
		}

	}

	/** How many Ready pods are behind the subject's Service. */
	private static long readyPodCount(GoalSubject subject) {
		return subject.service().endpoints().stream().filter((pod) -> pod.endpoint().ready()).count();
	}

	/** {@code "1 ready pod"}, {@code "3 ready pods"}. */
	private static String readyPods(long count) {
		return count + " ready " + ((count == 1) ? "pod" : "pods");
	}

}
