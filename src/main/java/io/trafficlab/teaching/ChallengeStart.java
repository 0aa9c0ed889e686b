package io.trafficlab.teaching;

import io.trafficlab.engine.balancer.Dataplane;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.balancer.LoadBalancerModel;
import io.trafficlab.engine.cluster.ClusterDeclaration;
import io.trafficlab.engine.net.NetworkModel;
import io.trafficlab.engine.simulation.SimulationSettings;
import org.jspecify.annotations.Nullable;

/**
 * The sandbox a challenge starts from: a cluster (a preset or inline manifests, with the
 * policy override already applied) and the settings that differ from a new sandbox's.
 *
 * @param preset the preset the cluster comes from, or {@code null} for inline manifests
 * @param manifests the cluster as YAML, for the playground's "Apply manifests" box
 * @param declaration the cluster to start
 * @param lb how the {@code generic} LB spreads, or {@code null} for the default
 * @param loadBalancer the load balancer of the catalogue, or {@code null} for the
 * sandbox's default
 * @param dataplane the dataplane, or {@code null} for kube-proxy
 * @param network the pod network, or {@code null} for the default
 * ({@link NetworkModel#DEFAULT})
 * @param clientRate new connections per simulated second, or {@code null} for the default
 * @param speed the clock's speed, or {@code null} for 1×
 * @param seed the random seed, or {@code null} for a new one per sandbox
 */
public record ChallengeStart(@Nullable String preset, String manifests, ClusterDeclaration declaration,
		@Nullable LoadBalancerModel lb, @Nullable LoadBalancerKind loadBalancer, @Nullable Dataplane dataplane,
		@Nullable NetworkModel network, @Nullable Double clientRate, @Nullable Double speed, @Nullable Long seed) {

	/**
	 * {@code base} (a new sandbox's settings) with this start's LB model, load balancer,
	 * dataplane, network and client rate.
	 */
	public SimulationSettings settings(SimulationSettings base) {
		SimulationSettings settings = base;
		if (this.lb != null) {
			settings = settings.withLoadBalancer(this.lb);
		}
		if (this.loadBalancer != null) {
			settings = settings.withKind(this.loadBalancer);
		}
		if (this.dataplane != null) {
			settings = settings.withDataplane(this.dataplane);
		}
		if (this.network != null) {
			settings = settings.withNetwork(this.network);
		}
		if (this.clientRate != null) {
			settings = settings.withConnectionsPerSecond(this.clientRate);
		}
		return settings;
	}

}
