package io.trafficlab.engine.simulation;

import io.trafficlab.engine.health.ServiceHealthCheck;
import io.trafficlab.engine.model.Service;

/**
 * The cloud LB's two health checks, as the AWS Load Balancer Controller configures an NLB
 * instance-target group: one for {@code externalTrafficPolicy: Local} (HTTP
 * {@code /healthz} on the healthCheckNodePort) and one for Cluster (TCP connect to the
 * NodePort). The controller reconfigures the target group when the policy changes, so the
 * one in use follows the Service.
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

	/** The probe the LB uses for {@code service} now. */
	public LoadBalancerProbe of(Service service) {
		return ServiceHealthCheck.hasHealthCheck(service) ? this.local : this.cluster;
	}

}
