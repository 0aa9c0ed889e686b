package io.trafficlab.engine.simulation;

import java.util.Map;
import java.util.stream.Stream;

import io.trafficlab.engine.analysis.AnalysisOptions;
import io.trafficlab.engine.analysis.ClusterAnalyzer;
import io.trafficlab.engine.analysis.ServiceAnalysis;
import io.trafficlab.engine.balancer.Dataplane;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.balancer.LoadBalancerModel;
import io.trafficlab.engine.cluster.ClusterAssembler;
import io.trafficlab.engine.cluster.ClusterDeclaration;
import io.trafficlab.engine.model.Fraction;
import io.trafficlab.engine.simulation.SimulationStatistics.NodeStatistics;
import io.trafficlab.engine.simulation.SimulationStatistics.PodStatistics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ConvergenceTests {

	private static final double TWO_POINTS = 0.02;

	static Stream<Arguments> presets() {
		return Stream.of(Arguments.of("2 pods on 3 nodes, Local", Presets.twoPodsThreeNodes(), LoadBalancerModel.EVEN),
				Arguments.of("3/1/0 Local, even LB", Presets.uneven310("Local"), LoadBalancerModel.EVEN),
				Arguments.of("3/1/0 Local, weighted LB", Presets.uneven310("Local"), LoadBalancerModel.WEIGHTED),
				Arguments.of("3/1/0 Cluster", Presets.uneven310("Cluster"), LoadBalancerModel.EVEN),
				Arguments.of("six replicas spread", Presets.sixReplicasSpread(), LoadBalancerModel.EVEN));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("presets")
	void observedSharesAfter20000ConnectionsShouldBeWithinTwoPointsOfTheExactOnes(String name,
			ClusterDeclaration declaration, LoadBalancerModel model) {
		Simulation simulation = Simulation.start(declaration,
				Presets.settings(11).withConnectionsPerSecond(1_000).withLoadBalancer(model));
		while (simulation.statistics().connections() < 20_000) {
			simulation.advanceTo(simulation.now() + 1_000_000, EventSink.NONE);
		}
		SimulationStatistics statistics = simulation.statistics();
		assertThat(statistics.pods()).isNotEmpty();
		for (PodStatistics pod : statistics.pods()) {
			assertThat(pod.observedShare()).as(pod.pod()).isCloseTo(pod.exactShare().toDouble(), within(TWO_POINTS));
		}
		for (NodeStatistics node : statistics.nodes()) {
			assertThat(node.observedLbShare()).as(node.node())
				.isCloseTo(node.exactLbShare().toDouble(), within(TWO_POINTS));
		}
		assertThat(statistics.dropped()).isZero();
		assertThat(statistics.rejected()).isZero();
		assertThat(statistics.observedFairness().maxShare()).isCloseTo(statistics.exactFairness().maxShare().toDouble(),
				within(TWO_POINTS));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("presets")
	void exactSharesShouldBeTheAnalyzersOnTheSimulationsCluster(String name, ClusterDeclaration declaration,
			LoadBalancerModel model) {
		Simulation simulation = Simulation.start(declaration, Presets.settings(11).withLoadBalancer(model));
		// the sandbox's LB is the catalogue's AWS NLB with instance targets; the weighted
		// what-if
		// is generic's
		LoadBalancerKind kind = (model == LoadBalancerModel.EVEN) ? LoadBalancerKind.AWS_NLB_INSTANCE
				: LoadBalancerKind.GENERIC;
		AnalysisOptions options = new AnalysisOptions(model, SimulationSettings.DEFAULT_CLIENT_IPS.get(0), null)
			.with(kind, Dataplane.KUBE_PROXY);
		ServiceAnalysis analyzed = new ClusterAnalyzer().analyze(simulation.cluster(), options).services().get(0);
		assertThat(simulation.statistics().exact()).isEqualTo(analyzed);
		assertThat(new ClusterAssembler().assemble(simulation.declaration()).cluster()).isEqualTo(simulation.cluster());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("presets")
	void observedSourcesShouldMatchTheExactOnes(String name, ClusterDeclaration declaration, LoadBalancerModel model) {
		Simulation simulation = Simulation.start(declaration,
				Presets.settings(5)
					.withConnectionsPerSecond(1_000)
					.withLoadBalancer(model)
					.withClientIps(SimulationSettings.DEFAULT_CLIENT_IPS));
		simulation.advanceTo(20_000_000, EventSink.NONE);
		assertObservedSourcesMatchExact(simulation.statistics());
	}

	/**
	 * Each pod saw each exact source within two points of its exact share, and no source
	 * the exact analysis does not name.
	 */
	static void assertObservedSourcesMatchExact(SimulationStatistics statistics) {
		for (PodStatistics pod : statistics.pods()) {
			for (Map.Entry<String, Fraction> source : pod.exactSourcesSeen().entrySet()) {
				long seen = pod.sourcesSeen().getOrDefault(source.getKey(), 0L);
				assertThat((double) seen / statistics.connections()).as(pod.pod() + " from " + source.getKey())
					.isCloseTo(source.getValue().toDouble(), within(TWO_POINTS));
			}
			assertThat(pod.exactSourcesSeen().keySet()).containsAll(pod.sourcesSeen().keySet());
		}
	}

}
