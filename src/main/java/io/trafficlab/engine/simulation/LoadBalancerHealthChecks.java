package io.trafficlab.engine.simulation;

import io.trafficlab.engine.balancer.LoadBalancerCatalog;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.balancer.ProbeSpec;
import io.trafficlab.engine.health.ServiceHealthCheck;
import io.trafficlab.engine.model.Service;
import org.jspecify.annotations.Nullable;

/**
 * A load balancer's two health checks: one for {@code externalTrafficPolicy: Local} and
 * one for Cluster (for an NLB's instance-target group, HTTP {@code /healthz} on the
 * healthCheckNodePort and a TCP connect to the NodePort). The controller reconfigures the
 * health check when the policy changes, so the one in use follows the Service.
 *
 * @param local the probe of a Service that has a healthCheckNodePort
 * @param cluster the probe of any other LoadBalancer Service
 */
public record LoadBalancerHealthChecks(LoadBalancerProbe local, LoadBalancerProbe cluster) {

	/** The AWS Load Balancer Controller's defaults for both policies. */
	public static LoadBalancerHealthChecks awsNlbDefaults() {
		return new LoadBalancerHealthChecks(LoadBalancerProbe.awsNlbDefaults(),
				LoadBalancerProbe.awsNlbClusterDefaults());
	}

	/**
	 * {@code kind}'s default timing under both policies, from the catalogue
	 * ({@link LoadBalancerCatalog#defaultProbe}); {@code null} for a load balancer that
	 * does not probe.
	 */
	public static @Nullable LoadBalancerHealthChecks of(LoadBalancerKind kind) {
		ProbeSpec local = LoadBalancerCatalog.defaultProbe(kind, true);
		ProbeSpec cluster = LoadBalancerCatalog.defaultProbe(kind, false);
		return (local == null || cluster == null) ? null
				: new LoadBalancerHealthChecks(LoadBalancerProbe.of(local), LoadBalancerProbe.of(cluster));
	}

	/** The probe the LB uses for {@code service} now. */
	public LoadBalancerProbe of(Service service) {
		return ServiceHealthCheck.hasHealthCheck(service) ? this.local : this.cluster;
	}

}
