package io.trafficlab.sandbox;

import io.trafficlab.engine.balancer.Dataplane;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.balancer.LoadBalancerModel;
import io.trafficlab.engine.net.NetworkModel;
import org.jspecify.annotations.Nullable;

/**
 * Everything a permalink carries: the cluster as manifests (its placement, Service and
 * policy included) and the settings that make the run the same.
 *
 * @param manifests the cluster as Kubernetes YAML
 * ({@link io.trafficlab.export.ManifestExporter})
 * @param preset the preset the shared sandbox started from, or {@code null}
 * @param seed the random seed
 * @param lb the load-balancer model, by its spelling ({@code even}, as links have always
 * spelled it)
 * @param rate new connections per simulated second
 * @param speed simulated seconds per wall-clock second
 * @param loadBalancer the load balancer in front of the cluster; {@code null} in links
 * made before the choice existed ({@code aws-nlb-instance})
 * @param dataplane the dataplane; {@code null} in older links ({@code kube-proxy})
 * @param network the pod network; {@code null} in older links ({@code bridge})
 */
record SharedState(String manifests, @Nullable String preset, long seed, LoadBalancerModel lb, double rate,
		double speed, @Nullable LoadBalancerKind loadBalancer, @Nullable Dataplane dataplane,
		@Nullable NetworkModel network) {

	/** A state with the default load balancer, dataplane and network. */
	SharedState(String manifests, @Nullable String preset, long seed, LoadBalancerModel lb, double rate, double speed) {
		this(manifests, preset, seed, lb, rate, speed, null, null, null);
	}

}
