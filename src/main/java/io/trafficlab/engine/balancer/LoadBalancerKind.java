package io.trafficlab.engine.balancer;

import io.trafficlab.engine.model.Spelled;

/**
 * The load balancers of the catalogue (the API's {@code loadBalancer} ids). What each one
 * does is written once, in {@link LoadBalancerCatalog}.
 */
public enum LoadBalancerKind implements Spelled {

	/** The R20 model that {@code lb=even|weighted} tunes; no upstream controller. */
	GENERIC("Generic cloud LB", "cloud LB"),

	/** AWS NLB with instance targets, AWS Load Balancer Controller. */
	AWS_NLB_INSTANCE("AWS NLB (instance targets)", "NLB"),

	/** AWS NLB with ip targets, AWS Load Balancer Controller. */
	AWS_NLB_IP("AWS NLB (ip targets)", "NLB"),

	/** AWS Classic ELB, the in-tree AWS cloud provider. */
	AWS_CLB("AWS Classic ELB", "Classic ELB"),

	/** GKE's backend-service-based external passthrough NLB (ingress-gce). */
	GKE_PASSTHROUGH("GKE passthrough NLB", "passthrough NLB"),

	/** Azure Standard load balancer, cloud-provider-azure. */
	AZURE("Azure Standard LB", "Standard LB"),

	/** MetalLB in layer-2 mode: one node answers ARP/NDP. */
	METALLB_L2("MetalLB (L2)", "MetalLB"),

	/** MetalLB in BGP mode: the router's ECMP over the advertising nodes. */
	METALLB_BGP("MetalLB (BGP)", "MetalLB");

	private final String label;

	private final String shortName;

	LoadBalancerKind(String label, String shortName) {
		this.label = label;
		this.shortName = shortName;
	}

	/** The load balancer's name as pages show it ({@code "MetalLB (L2)"}). */
	public String label() {
		return this.label;
	}

	/**
	 * What a sentence that has named the provider already calls it, without its mode or
	 * targets: {@code "NLB"}, {@code "Classic ELB"}, {@code "MetalLB"}.
	 */
	public String shortName() {
		return this.shortName;
	}

}
