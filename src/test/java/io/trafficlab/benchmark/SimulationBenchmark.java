package io.trafficlab.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.trafficlab.engine.apiserver.DeclaredService;
import io.trafficlab.engine.apiserver.DeclaredServicePort;
import io.trafficlab.engine.apiserver.LoadBalancerIngress;
import io.trafficlab.engine.cluster.ClusterDeclaration;
import io.trafficlab.engine.cluster.DeclaredNode;
import io.trafficlab.engine.cluster.DeclaredPod;
import io.trafficlab.engine.simulation.EventSink;
import io.trafficlab.engine.simulation.Simulation;
import io.trafficlab.engine.simulation.SimulationLimits;
import io.trafficlab.engine.simulation.SimulationSettings;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Simulated connections per second of wall time on one core, with no subscriber
 * ({@link EventSink#NONE}: no event objects are built), on the 3/1/0 preset with
 * {@code externalTrafficPolicy: Local} at the highest client rate. One operation advances
 * the simulation by 100 simulated seconds (about 100,000 connections, plus the LB's
 * probes and the conntrack completions); the {@code connections} counter is the figure
 * that matters. Run: see README, "Benchmarks".
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SimulationBenchmark extends BenchmarkRun {

	private static final long STEP_MICROS = 100_000_000L;

	private Simulation simulation;

	@Setup(Level.Trial)
	public void start() {
		this.simulation = Simulation.start(uneven310Local(),
				SimulationSettings.defaults().withConnectionsPerSecond(SimulationLimits.MAX_CONNECTIONS_PER_SECOND));
	}

	@Benchmark
	public long advance(Connections counter) {
		long before = this.simulation.snapshot().connections();
		this.simulation.advanceTo(this.simulation.now() + STEP_MICROS, EventSink.NONE);
		long after = this.simulation.snapshot().connections();
		counter.connections += after - before;
		return after;
	}

	/** The connections simulated, reported per second like the operations. */
	@State(Scope.Thread)
	@AuxCounters(AuxCounters.Type.OPERATIONS)
	public static class Connections {

		public long connections;

	}

	/**
	 * Three pods on n1, one on n2, none on n3; LoadBalancer {@code default/web} with
	 * Local external policy.
	 */
	static ClusterDeclaration uneven310Local() {
		List<DeclaredNode> nodes = new ArrayList<>();
		for (int i = 1; i <= 3; i++) {
			nodes.add(new DeclaredNode("n" + i, Map.of("topology.kubernetes.io/zone", "zone-" + i), Map.of(),
					"192.168.0.1" + i, "10.244." + i + ".0/24", List.of(), false, false));
		}
		Map<String, String> web = Map.of("app", "web");
		DeclaredService service = DeclaredService.builder("default", "web")
			.type("LoadBalancer")
			.selector(web)
			.port(DeclaredServicePort.tcp(80, 8080).withNodePort(30080))
			.externalTrafficPolicy("Local")
			.healthCheckNodePort(32000)
			.loadBalancerIngress(List.of(LoadBalancerIngress.vip("198.51.100.10")))
			.build();
		List<DeclaredPod> pods = List.of(DeclaredPod.on("default", "web-1", web, "n1"),
				DeclaredPod.on("default", "web-2", web, "n1"), DeclaredPod.on("default", "web-3", web, "n1"),
				DeclaredPod.on("default", "web-4", web, "n2"));
		return new ClusterDeclaration(nodes, List.of(service), pods, List.of(), List.of());
	}

}
