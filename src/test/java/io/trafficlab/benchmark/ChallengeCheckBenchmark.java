package io.trafficlab.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.trafficlab.engine.apiserver.DeclaredService;
import io.trafficlab.engine.apiserver.DeclaredServicePort;
import io.trafficlab.engine.apiserver.LoadBalancerIngress;
import io.trafficlab.engine.balancer.LoadBalancerModel;
import io.trafficlab.engine.cluster.ClusterDeclaration;
import io.trafficlab.engine.cluster.DeclaredNode;
import io.trafficlab.engine.cluster.DeclaredPod;
import io.trafficlab.engine.goal.Condition;
import io.trafficlab.engine.goal.Goal;
import io.trafficlab.engine.goal.GoalReport;
import io.trafficlab.engine.goal.GoalSubject;
import io.trafficlab.engine.model.Fraction;
import io.trafficlab.engine.simulation.Simulation;
import io.trafficlab.engine.simulation.SimulationCommand.SetLoadBalancerModel;
import io.trafficlab.engine.simulation.SimulationSettings;
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
 * What {@code GET /challenges/{id}/check} computes under the sandbox's lock: a goal
 * checked against the simulation's exact analysis. {@code check} is the usual poll (the
 * cluster has not changed since the last one, so the analysis is the cached one);
 * {@code checkAfterChange} flips the LB model first, so every check recomputes the
 * analysis, as the first poll after a command does. Sizes: a challenge's (3 nodes, 4
 * pods, pods 3/1/0) and the sandbox's maximum (20 nodes, 200 pods, 0–19 per node). The
 * goal has every kind of condition that reads shares or sources. Run: see README,
 * "Benchmarks".
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ChallengeCheckBenchmark extends BenchmarkRun {

	private static final Goal GOAL = new Goal(
			List.of(new Condition.ClientIpKept(true), new Condition.MaxShareRatio(Fraction.of(5, 4)),
					new Condition.EqualShares(), new Condition.AtLeastReadyPods(4),
					new Condition.HealthCheckPasses("n3", true), new Condition.FailedShare(Fraction.ZERO)));

	@Param({ "3x4", "20x200" })
	public String size;

	@Param({ "Local", "Cluster" })
	public String policy;

	private Simulation simulation;

	private boolean weighted;

	@Setup(Level.Trial)
	public void start() {
		String[] parts = this.size.split("x");
		this.simulation = Simulation.start(cluster(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), this.policy),
				SimulationSettings.defaults());
	}

	@Benchmark
	public GoalReport check() {
		return GOAL.check(GoalSubject.of(this.simulation));
	}

	@Benchmark
	public GoalReport checkAfterChange() {
		this.weighted = !this.weighted;
		this.simulation
			.apply(new SetLoadBalancerModel(this.weighted ? LoadBalancerModel.WEIGHTED : LoadBalancerModel.EVEN));
		return GOAL.check(GoalSubject.of(this.simulation));
	}

	/**
	 * {@code nodes} nodes n1…, {@code pods} bare pods placed unevenly (3/1/0 for the
	 * small size), one LB Service.
	 */
	static ClusterDeclaration cluster(int nodes, int pods, String policy) {
		List<DeclaredNode> declared = new ArrayList<>();
		for (int i = 1; i <= nodes; i++) {
			declared.add(new DeclaredNode("n" + i, Map.of("topology.kubernetes.io/zone", "zone-" + (i % 3)), Map.of(),
					"192.168.0." + (10 + i), "10.244." + i + ".0/24", List.of(), false, false));
		}
		Map<String, String> web = Map.of("app", "web");
		DeclaredService service = DeclaredService.builder("default", "web")
			.type("LoadBalancer")
			.selector(web)
			.port(DeclaredServicePort.tcp(80, 8080).withNodePort(30080))
			.externalTrafficPolicy(policy)
			.loadBalancerIngress(List.of(LoadBalancerIngress.vip("198.51.100.10")))
			.build();
		List<DeclaredPod> declaredPods = new ArrayList<>();
		List<String> placement = placement(nodes, pods);
		for (int i = 0; i < placement.size(); i++) {
			declaredPods.add(DeclaredPod.on("default", "web-" + (i + 1), web, placement.get(i)));
		}
		return new ClusterDeclaration(declared, List.of(service), declaredPods, List.of(), List.of());
	}

	private static List<String> placement(int nodes, int pods) {
		List<String> placement = new ArrayList<>();
		if (nodes == 3 && pods == 4) {
			return List.of("n1", "n1", "n1", "n2");
		}
		// node i gets about (i - 1) × 2 × pods / (nodes × (nodes - 1)) pods: 0 on n1,
		// most on n20
		int placed = 0;
		for (int i = 1; i <= nodes && placed < pods; i++) {
			int count = (i == nodes) ? pods - placed
					: Math.min(pods - placed, (i - 1) * 2 * pods / (nodes * (nodes - 1)));
			for (int k = 0; k < count; k++) {
				placement.add("n" + i);
			}
			placed += count;
		}
		return placement;
	}

}
