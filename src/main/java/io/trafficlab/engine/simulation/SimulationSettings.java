package io.trafficlab.engine.simulation;

import java.util.List;
import java.util.Objects;

import io.trafficlab.engine.balancer.Dataplane;
import io.trafficlab.engine.balancer.LoadBalancerCatalog;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.balancer.LoadBalancerModel;
import io.trafficlab.engine.cluster.PodShutdown;
import io.trafficlab.engine.net.NetworkModel;
import org.jspecify.annotations.Nullable;

/**
 * How a {@link Simulation} runs. All times are simulated microseconds.
 *
 * @param seed the random source's seed: the same seed and the same commands give the same
 * events
 * @param clientIps the external clients' addresses (the first is the one the exact
 * analysis follows)
 * @param connectionsPerSecond the rate of new connections, all clients together (Poisson
 * arrivals)
 * @param loadBalancer how the cloud LB spreads connections over the nodes it believes
 * healthy (R20)
 * @param probes how the cloud LB probes each target, under Local and under Cluster, when
 * a test or a lesson sets the timing; {@code null} (the default): as the chosen kind's
 * catalogue entry says for the Service as it is ({@link LoadBalancerCatalog#of},
 * annotations included)
 * @param proxySyncDelayMicros how long kube-proxy on a node takes to apply an endpoint
 * change to its rules
 * @param podStartupMicros how long a new pod stays STARTING before it becomes Ready
 * @param terminationGraceMicros the grace period of a pod whose spec sets no
 * {@code terminationGracePeriodSeconds} (the API server's default is 30 s); how long a
 * terminating pod serves is what its preStop hook and its app do, capped by its grace
 * period ({@link io.trafficlab.engine.cluster.PodShutdown})
 * @param hopLatencyMicros the time a packet takes from one hop to the next
 * @param nlb the AWS NLB's attributes (cross-zone, deregistration delay, resets)
 * @param kind which load balancer of the catalogue is in front of the cluster
 * @param dataplane what proxies Service traffic on the nodes
 * @param network the pod network, which decides the address kube-proxy's SNAT gives (R15)
 */
public record SimulationSettings(long seed, List<String> clientIps, double connectionsPerSecond,
		LoadBalancerModel loadBalancer, @Nullable LoadBalancerHealthChecks probes, long proxySyncDelayMicros,
		long podStartupMicros, long terminationGraceMicros, long hopLatencyMicros, NlbAttributes nlb,
		LoadBalancerKind kind, Dataplane dataplane, NetworkModel network) {

	/**
	 * The clients of {@link #defaults()}: documentation addresses (RFC 5737), outside
	 * 198.51.100.0/24 where the cloud assigns load-balancer IPs, so a client is never
	 * mistaken for the LB.
	 */
	public static final List<String> DEFAULT_CLIENT_IPS = List.of("203.0.113.10", "203.0.113.77", "192.0.2.33");

	public SimulationSettings {
		clientIps = List.copyOf(clientIps);
		Objects.requireNonNull(nlb, "nlb");
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(dataplane, "dataplane");
		Objects.requireNonNull(network, "network");
		SettingsCheck.check(clientIps, connectionsPerSecond, proxySyncDelayMicros, podStartupMicros,
				terminationGraceMicros, hopLatencyMicros);
	}

	/**
	 * Seed 1, three clients, 50 connections per second, an even LB probing as the
	 * catalogue says, kube-proxy's 1 s minimum sync period, 5 s pod startup, Kubernetes'
	 * default 30 s termination grace period (for pods that set none) and 0.5 ms per hop,
	 * and AWS's NLB attributes ({@link NlbAttributes#awsDefaults()}); an AWS NLB with
	 * instance targets in front of kube-proxy on a bridge network with host routes.
	 */
	public static SimulationSettings defaults() {
		return new SimulationSettings(1, DEFAULT_CLIENT_IPS, 50, LoadBalancerModel.EVEN, null, 1_000_000L, 5_000_000L,
				PodShutdown.DEFAULT_GRACE_SECONDS * 1_000_000L, 500L, NlbAttributes.awsDefaults(),
				LoadBalancerKind.AWS_NLB_INSTANCE, Dataplane.KUBE_PROXY, NetworkModel.DEFAULT);
	}

	/**
	 * The health checks' timing under both policies: the one set, else the chosen kind's
	 * catalogue defaults; {@code null} for a load balancer that does not probe.
	 */
	public @Nullable LoadBalancerHealthChecks probes() {
		return (this.probes != null) ? this.probes : LoadBalancerHealthChecks.of(this.kind);
	}

	/** Whether the health checks' timing was set rather than read from the catalogue. */
	public boolean probesSet() {
		return this.probes != null;
	}

	/** These settings with another seed. */
	public SimulationSettings withSeed(long seed) {
		return new SimulationSettings(seed, this.clientIps, this.connectionsPerSecond, this.loadBalancer, this.probes,
				this.proxySyncDelayMicros, this.podStartupMicros, this.terminationGraceMicros, this.hopLatencyMicros,
				this.nlb, this.kind, this.dataplane, this.network);
	}

	/** These settings with another client rate. */
	public SimulationSettings withConnectionsPerSecond(double connectionsPerSecond) {
		return new SimulationSettings(this.seed, this.clientIps, connectionsPerSecond, this.loadBalancer, this.probes,
				this.proxySyncDelayMicros, this.podStartupMicros, this.terminationGraceMicros, this.hopLatencyMicros,
				this.nlb, this.kind, this.dataplane, this.network);
	}

	/** These settings with another LB model. */
	public SimulationSettings withLoadBalancer(LoadBalancerModel loadBalancer) {
		return new SimulationSettings(this.seed, this.clientIps, this.connectionsPerSecond, loadBalancer, this.probes,
				this.proxySyncDelayMicros, this.podStartupMicros, this.terminationGraceMicros, this.hopLatencyMicros,
				this.nlb, this.kind, this.dataplane, this.network);
	}

	/**
	 * These settings with other LB health checks ({@code null}: the catalogue's, with the
	 * Service's annotations).
	 */
	public SimulationSettings withProbes(@Nullable LoadBalancerHealthChecks probes) {
		return new SimulationSettings(this.seed, this.clientIps, this.connectionsPerSecond, this.loadBalancer, probes,
				this.proxySyncDelayMicros, this.podStartupMicros, this.terminationGraceMicros, this.hopLatencyMicros,
				this.nlb, this.kind, this.dataplane, this.network);
	}

	/** These settings with other clients. */
	public SimulationSettings withClientIps(List<String> clientIps) {
		return new SimulationSettings(this.seed, clientIps, this.connectionsPerSecond, this.loadBalancer, this.probes,
				this.proxySyncDelayMicros, this.podStartupMicros, this.terminationGraceMicros, this.hopLatencyMicros,
				this.nlb, this.kind, this.dataplane, this.network);
	}

	/**
	 * These settings with other delays (kube-proxy sync, pod startup, termination grace,
	 * hop latency).
	 */
	public SimulationSettings withTimings(long proxySyncDelayMicros, long podStartupMicros, long terminationGraceMicros,
			long hopLatencyMicros) {
		return new SimulationSettings(this.seed, this.clientIps, this.connectionsPerSecond, this.loadBalancer,
				this.probes, proxySyncDelayMicros, podStartupMicros, terminationGraceMicros, hopLatencyMicros, this.nlb,
				this.kind, this.dataplane, this.network);
	}

	/** These settings with other NLB attributes. */
	public SimulationSettings withNlb(NlbAttributes nlb) {
		return new SimulationSettings(this.seed, this.clientIps, this.connectionsPerSecond, this.loadBalancer,
				this.probes, this.proxySyncDelayMicros, this.podStartupMicros, this.terminationGraceMicros,
				this.hopLatencyMicros, nlb, this.kind, this.dataplane, this.network);
	}

	/** These settings with another load balancer of the catalogue. */
	public SimulationSettings withKind(LoadBalancerKind kind) {
		return new SimulationSettings(this.seed, this.clientIps, this.connectionsPerSecond, this.loadBalancer,
				this.probes, this.proxySyncDelayMicros, this.podStartupMicros, this.terminationGraceMicros,
				this.hopLatencyMicros, this.nlb, kind, this.dataplane, this.network);
	}

	/** These settings with another dataplane. */
	public SimulationSettings withDataplane(Dataplane dataplane) {
		return new SimulationSettings(this.seed, this.clientIps, this.connectionsPerSecond, this.loadBalancer,
				this.probes, this.proxySyncDelayMicros, this.podStartupMicros, this.terminationGraceMicros,
				this.hopLatencyMicros, this.nlb, this.kind, dataplane, this.network);
	}

	/** These settings on another pod network. */
	public SimulationSettings withNetwork(NetworkModel network) {
		return new SimulationSettings(this.seed, this.clientIps, this.connectionsPerSecond, this.loadBalancer,
				this.probes, this.proxySyncDelayMicros, this.podStartupMicros, this.terminationGraceMicros,
				this.hopLatencyMicros, this.nlb, this.kind, this.dataplane, network);
	}

}
