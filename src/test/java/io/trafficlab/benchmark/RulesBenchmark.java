package io.trafficlab.benchmark;

import java.util.concurrent.TimeUnit;

import io.trafficlab.engine.model.Cluster;
import io.trafficlab.engine.model.TrafficPolicy;
import io.trafficlab.engine.rules.NodeRules;
import io.trafficlab.engine.rules.RulesScope;
import io.trafficlab.engine.rules.iptables.IptablesWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The rules one node's kube-proxy writes for a large cluster: N nodes with 10 × N pods
 * (AnalyzeBenchmark's cluster), one LoadBalancer Service over all of them, every endpoint
 * in the node's chains. Run: see README, "Benchmarks".
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RulesBenchmark extends BenchmarkRun {

	@Param({ "5000" })
	int nodes;

	@Param({ "Cluster", "Local" })
	String policy;

	private final IptablesWriter iptables = new IptablesWriter();

	private Cluster cluster;

	@Setup
	public void buildCluster() {
		this.cluster = AnalyzeBenchmark.LargeClusters.build(this.nodes, 10 * this.nodes,
				TrafficPolicy.valueOf(this.policy.toUpperCase()), null);
	}

	@Benchmark
	public NodeRules iptables() {
		return this.iptables.write(this.cluster, "node-1", RulesScope.all());
	}

}
