package io.trafficlab.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.trafficlab.engine.analysis.AnalysisOptions;
import io.trafficlab.engine.analysis.ClusterAnalysis;
import io.trafficlab.engine.analysis.ClusterAnalyzer;
import io.trafficlab.engine.balancer.Dataplane;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.model.Cluster;
import io.trafficlab.engine.model.Endpoint;
import io.trafficlab.engine.model.Node;
import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.model.ServicePort;
import io.trafficlab.engine.model.ServiceRef;
import io.trafficlab.engine.model.ServiceType;
import io.trafficlab.engine.model.SessionAffinity;
import io.trafficlab.engine.model.Spelled;
import io.trafficlab.engine.model.TrafficDistribution;
import io.trafficlab.engine.model.TrafficPolicy;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@code analyze} on a large cluster: N nodes in 3 zones with 10 pods per node on
 * average, placed unevenly (node i holds {@code i % 21} pods, so some nodes hold none),
 * one LoadBalancer Service over all of them, behind each load balancer of the catalogue.
 * <p>
 * {@code caches=warm} analyzes the same cluster back to back, so whatever of the input
 * and of the last call's garbage fits in the processor's caches is still there;
 * {@code caches=cold} first reads a buffer larger than those caches (before each call,
 * not timed), as the product's analyses start: a request's cluster is parsed and built
 * just before, and the sandbox analyzes once per change. Run: see README, "Benchmarks".
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AnalyzeBenchmark extends BenchmarkRun {

	@Param({ "2500", "5000" })
	int nodes;

	@Param({ "Cluster", "Local" })
	String policy;

	/** {@code none} or {@code PreferClose} (zone hints on every ready endpoint). */
	@Param({ "none", "PreferClose" })
	String trafficDistribution;

	/** The load balancer of the catalogue ({@code generic}: R20 as before). */
	@Param({ "generic", "aws-nlb-instance", "aws-nlb-ip", "aws-clb", "gke-passthrough", "azure", "metallb-l2",
			"metallb-bgp" })
	String loadBalancer;

	@Param({ "kube-proxy" })
	String dataplane;

	/** {@code warm} or {@code cold} (see above). */
	@Param({ "warm", "cold" })
	String caches;

	/**
	 * {@code caches=cold}: 64 MiB, more than this machine's last-level cache share.
	 */
	private long[] evictor = new long[0];

	private long evicted;

	private final ClusterAnalyzer analyzer = new ClusterAnalyzer();

	private AnalysisOptions options;

	private Cluster cluster;

	@Setup
	public void buildCluster() {
		this.cluster = LargeClusters.build(this.nodes, 10 * this.nodes,
				TrafficPolicy.valueOf(this.policy.toUpperCase()),
				"none".equals(this.trafficDistribution) ? null : this.trafficDistribution);
		if ("cold".equals(this.caches)) {
			// written, so that every page of the buffer is a page of its own
			this.evictor = new long[8 << 20];
			Arrays.fill(this.evictor, 1);
		}
		this.options = AnalysisOptions.defaults()
			.with(Spelled.parse(LoadBalancerKind.class, "loadBalancer", this.loadBalancer),
					Spelled.parse(Dataplane.class, "dataplane", this.dataplane));
	}

	/** {@code caches=cold}: reads one long of every 64-byte line of the buffer. */
	@Setup(Level.Invocation)
	public void evictCaches() {
		if (this.evictor.length > 0) {
			long sum = 0;
			for (int i = 0; i < this.evictor.length; i += 8) {
				sum += this.evictor[i];
			}
			this.evicted += sum;
		}
	}

	@Benchmark
	public ClusterAnalysis analyze() {
		return this.analyzer.analyze(this.cluster, this.options);
	}

	/**
	 * Builds big clusters straight from the engine's records (manifest import is measured
	 * elsewhere).
	 */
	static final class LargeClusters {

		private LargeClusters() {
		}

		static Cluster build(int nodeCount, int podCount, TrafficPolicy policy, String trafficDistribution) {
			List<Node> nodes = new ArrayList<>();
			for (int i = 1; i <= nodeCount; i++) {
				String zone = "zone-" + (char) ('a' + i % 3);
				nodes.add(new Node("node-" + i,
						Map.of("kubernetes.io/hostname", "node-" + i, "topology.kubernetes.io/zone", zone), zone,
						address(0xC0A8_0000 + 10 + i), address(podCidrBase(i)) + "/24", address(podCidrBase(i) + 1),
						List.of(), false, true, false));
			}
			List<Endpoint> endpoints = new ArrayList<>();
			int placed = 0;
			for (int i = 1; placed < podCount; i = i % nodeCount + 1) {
				for (int k = 0; k < i % 21 && placed < podCount; k++, placed++) {
					Node node = nodes.get(i - 1);
					Set<String> zoneHints = (trafficDistribution != null) ? Set.of(node.zone()) : Set.of();
					endpoints.add(new Endpoint(address(podCidrBase(i) + 10 + k), node.name(), node.zone(), true, true,
							false, zoneHints, Set.of(), "web-" + placed));
				}
			}
			ServiceRef ref = new ServiceRef("default", "web");
			Service service = new Service(ref, ServiceType.LOAD_BALANCER,
					List.of(new ServicePort("", "TCP", 80, "8080", 30080)), Map.of("app", "web"), "10.96.0.50",
					List.of(), List.of("198.51.100.10"), policy, TrafficPolicy.CLUSTER,
					(policy == TrafficPolicy.LOCAL) ? 32000 : 0, SessionAffinity.NONE, 10800, List.of(),
					(trafficDistribution != null)
							? Spelled.parse(TrafficDistribution.class, "trafficDistribution", trafficDistribution)
							: null,
					Map.of());
			Map<ServiceRef, List<Endpoint>> byService = new HashMap<>();
			byService.put(ref, endpoints);
			return new Cluster(nodes, List.of(service), byService, List.of());
		}

		/**
		 * Node i's pod CIDR is the i-th /24 from 10.244.0.0, wrapping inside 10.0.0.0/8.
		 */
		private static int podCidrBase(int node) {
			return 0x0A00_0000 | ((0xF4_0000 + node * 256) & 0xFF_FFFF);
		}

		private static String address(int value) {
			return ((value >>> 24) & 0xFF) + "." + ((value >>> 16) & 0xFF) + "." + ((value >>> 8) & 0xFF) + "."
					+ (value & 0xFF);
		}

	}

}
