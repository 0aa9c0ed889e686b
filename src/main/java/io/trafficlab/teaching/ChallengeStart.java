package io.trafficlab.teaching;

import io.trafficlab.engine.balancer.LoadBalancerModel;
import io.trafficlab.engine.cluster.ClusterDeclaration;
import io.trafficlab.engine.simulation.SimulationSettings;
import org.jspecify.annotations.Nullable;

/**
 * The sandbox a challenge starts from: a cluster (a preset or inline manifests, with the
 * policy override already applied) and the settings that differ from a new sandbox's.
 *
 * @param preset the preset the cluster comes from, or {@code null} for inline manifests
 * @param manifests the cluster as YAML, for the playground's "Apply manifests" box
 * @param declaration the cluster to start
 * @param loadBalancer the LB model, or {@code null} for the default
 * @param clientRate new connections per simulated second, or {@code null} for the default
 * @param speed the clock's speed, or {@code null} for 1×
 * @param seed the random seed, or {@code null} for a new one per sandbox
 */
public record ChallengeStart(@Nullable String preset, String manifests, ClusterDeclaration declaration,
		@Nullable LoadBalancerModel loadBalancer, @Nullable Double clientRate, @Nullable Double speed,
		@Nullable Long seed) {

	/**
	 * {@code base} (a new sandbox's settings) with this start's LB model and client rate.
	 */
	public SimulationSettings settings(SimulationSettings base) {
		SimulationSettings settings = base;
		if (this.loadBalancer != null) {
			settings = settings.withLoadBalancer(this.loadBalancer);
		}
		if (this.clientRate != null) {
			settings = settings.withConnectionsPerSecond(this.clientRate);
		}
		return settings;
	}

}
