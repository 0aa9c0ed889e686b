package io.trafficlab.teaching;

import io.trafficlab.engine.balancer.Dataplane;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.net.NetworkModel;

/**
 * Where a question about a load balancer the sandbox does not simulate is proven and
 * shown: the analyzer, with that load balancer, on the step's cluster; the learner
 * follows the link to the same cluster as an analyzer example.
 *
 * @param example the analyzer example with the step's cluster
 * ({@code src/main/resources/examples/NAME.yaml})
 * @param loadBalancer the load balancer to analyze with
 * @param dataplane the dataplane to analyze with
 * @param network the pod network to analyze on
 */
public record AnalyzerLink(String example, LoadBalancerKind loadBalancer, Dataplane dataplane, NetworkModel network) {

	/** A link on the default network ({@link NetworkModel#DEFAULT}). */
	public AnalyzerLink(String example, LoadBalancerKind loadBalancer, Dataplane dataplane) {
		this(example, loadBalancer, dataplane, NetworkModel.DEFAULT);
	}

	/**
	 * The analyzer page that shows the result at once ({@code /analyze?example=…}); the
	 * dataplane and the network only when they are not the analyzer's defaults.
	 */
	public String href() {
		String href = "/analyze?example=" + this.example + "&loadBalancer=" + this.loadBalancer.apiName();
		if (this.dataplane != Dataplane.KUBE_PROXY) {
			href += "&dataplane=" + this.dataplane.apiName();
		}
		return (this.network == NetworkModel.DEFAULT) ? href : href + "&network=" + this.network.apiName();
	}

	/**
	 * The link's words: {@code "AWS Classic ELB"},
	 * {@code "MetalLB (L2) with cilium-dsr on the overlay network"}.
	 */
	public String label() {
		String label = (this.dataplane == Dataplane.KUBE_PROXY) ? this.loadBalancer.label()
				: this.loadBalancer.label() + " with " + this.dataplane.apiName();
		return (this.network == NetworkModel.DEFAULT) ? label
				: label + " on the " + this.network.apiName() + " network";
	}

}
