package io.trafficlab.teaching;

import io.trafficlab.engine.balancer.Dataplane;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.balancer.LoadBalancerModel;
import io.trafficlab.engine.model.TrafficPolicy;
import io.trafficlab.engine.net.NetworkModel;
import org.jspecify.annotations.Nullable;

/**
 * The sandbox state a step opens with: a preset and/or inline manifests, then overrides.
 *
 * @param preset a preset's name ({@code src/main/resources/presets/NAME.yaml}), or
 * {@code null}
 * @param manifests inline Kubernetes YAML, added after the preset's, or {@code null}
 * @param externalTrafficPolicy the policy the Service is switched to, or {@code null} to
 * keep the manifests'
 * @param lb how the {@code generic} LB spreads ({@code even} or {@code weighted})
 * @param loadBalancer which load balancer of the catalogue is in front of the cluster
 * (one the simulation models)
 * @param dataplane what proxies Service traffic on the nodes
 * @param network the pod network, which decides the address kube-proxy's SNAT gives
 * @param clientRate new connections per simulated second
 * @param speed simulated seconds per wall-clock second
 * @param seed the random seed, so every learner sees the same run
 * @param paused whether the clock starts paused
 */
public record StepSandbox(@Nullable String preset, @Nullable String manifests,
		@Nullable TrafficPolicy externalTrafficPolicy, LoadBalancerModel lb, LoadBalancerKind loadBalancer,
		Dataplane dataplane, NetworkModel network, double clientRate, double speed, long seed, boolean paused) {

	/** A sandbox on the default network ({@link NetworkModel#DEFAULT}). */
	public StepSandbox(@Nullable String preset, @Nullable String manifests,
			@Nullable TrafficPolicy externalTrafficPolicy, LoadBalancerModel lb, LoadBalancerKind loadBalancer,
			Dataplane dataplane, double clientRate, double speed, long seed, boolean paused) {
		this(preset, manifests, externalTrafficPolicy, lb, loadBalancer, dataplane, NetworkModel.DEFAULT, clientRate,
				speed, seed, paused);
	}

}
