package io.trafficlab.teaching;

import io.trafficlab.engine.balancer.Dataplane;
import io.trafficlab.engine.balancer.LoadBalancerKind;

/**
 * Where a question about a load balancer the sandbox does not simulate is proven and
 * shown: the analyzer, with that load balancer, on the step's cluster; the learner
 * follows the link to the same cluster as an analyzer example.
 *
 * @param example the analyzer example with the step's cluster
 * ({@code src/main/resources/examples/NAME.yaml})
 * @param loadBalancer the load balancer to analyze with
 * @param dataplane the dataplane to analyze with
 */
public record AnalyzerLink(String example, LoadBalancerKind loadBalancer, Dataplane dataplane) {

	/** The analyzer page that shows the result at once ({@code /analyze?example=…}). */
	public String href() {
		String href = "/analyze?example=" + this.example + "&loadBalancer=" + this.loadBalancer.apiName();
		return (this.dataplane == Dataplane.KUBE_PROXY) ? href : href + "&dataplane=" + this.dataplane.apiName();
	}

	/** The link's words: {@code "AWS Classic ELB"}. */
	public String label() {
		return (this.dataplane == Dataplane.KUBE_PROXY) ? this.loadBalancer.label()
				: this.loadBalancer.label() + " with " + this.dataplane.apiName();
	}

}
