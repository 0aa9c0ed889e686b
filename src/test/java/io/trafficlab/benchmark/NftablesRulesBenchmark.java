package io.trafficlab.benchmark;

import java.util.concurrent.TimeUnit;

import io.trafficlab.engine.model.Cluster;
import io.trafficlab.engine.model.TrafficPolicy;
import io.trafficlab.engine.rules.NodeRules;
import io.trafficlab.engine.rules.RulesScope;
import io.trafficlab.engine.rules.nftables.NftablesWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The nftables transaction for one node ({@code node-1}) of {@code AnalyzeBenchmark}'s
 * large cluster: 5,000 nodes, 50,000 pods, one LoadBalancer Service, every endpoint in
 * its {@code service-} chain. Run: see README, "Benchmarks".
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class NftablesRulesBenchmark extends BenchmarkRun {

	@Param({ "5000" })
	int nodes;

	@Param({ "Cluster", "Local" })
	String policy;

	private final NftablesWriter writer = new NftablesWriter();

	private Cluster cluster;

	@Setup
	public void buildCluster() {
		this.cluster = AnalyzeBenchmark.LargeClusters.build(this.nodes, 10 * this.nodes,
				TrafficPolicy.valueOf(this.policy.toUpperCase()), null);
	}

	@Benchmark
	public NodeRules nftables() {
		return this.writer.write(this.cluster, "node-1", RulesScope.all());
	}

}
