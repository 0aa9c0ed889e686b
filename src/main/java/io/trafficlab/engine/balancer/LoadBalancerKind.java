package io.trafficlab.engine.balancer;

import io.trafficlab.engine.model.Spelled;

/**
 * The load balancers of the catalogue (the API's {@code loadBalancer} ids). What each one
 * does is written once, in {@link LoadBalancerCatalog}.
 */
public enum LoadBalancerKind implements Spelled {

	/** The R20 model that {@code lb=even|weighted} tunes; no upstream controller. */
	GENERIC("Generic cloud LB"),

	/** AWS NLB with instance targets, AWS Load Balancer Controller. */
	AWS_NLB_INSTANCE("AWS NLB (instance targets)"),

	/** AWS NLB with ip targets, AWS Load Balancer Controller. */
	AWS_NLB_IP("AWS NLB (ip targets)"),

	/** AWS Classic ELB, the in-tree AWS cloud provider. */
	AWS_CLB("AWS Classic ELB"),

	/** GKE's backend-service-based external passthrough NLB (ingress-gce). */
	GKE_PASSTHROUGH("GKE passthrough NLB"),

	/** Azure Standard load balancer, cloud-provider-azure. */
	AZURE("Azure Standard LB"),

	/** MetalLB in layer-2 mode: one node answers ARP/NDP. */
	METALLB_L2("MetalLB (L2)"),

	/** MetalLB in BGP mode: the router's ECMP over the advertising nodes. */
	METALLB_BGP("MetalLB (BGP)");

	private final String label;

	LoadBalancerKind(String label) {
		this.label = label;
	}

	/** The load balancer's name as pages show it ({@code "MetalLB (L2)"}). */
	public String label() {
		return this.label;
	}

}
