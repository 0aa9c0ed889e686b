package io.trafficlab.engine.simulation;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import io.trafficlab.engine.balancer.LoadBalancerKind;

/**
 * The load balancers of the catalogue the simulation models in time. The others have
 * steady-state numbers in the analyzer only, and the sandbox refuses them rather than
 * show a behaviour it does not model.
 */
public final class SimulatedBalancers {

	/** The load balancers the simulation models. */
	public static final Set<LoadBalancerKind> MODELLED = EnumSet.of(LoadBalancerKind.AWS_NLB_INSTANCE,
			LoadBalancerKind.AWS_NLB_IP, LoadBalancerKind.AWS_CLB, LoadBalancerKind.GKE_PASSTHROUGH,
			LoadBalancerKind.AZURE, LoadBalancerKind.METALLB_L2, LoadBalancerKind.METALLB_BGP);

	/**
	 * The load balancers whose spreading the sandbox's even/weighted knob tunes: the NLB
	 * with instance targets (weighted is a what-if by endpoint weight). The others spread
	 * as their controller does, and the knob changes nothing.
	 */
	private static final Set<LoadBalancerKind> SPREAD_KNOB = EnumSet.of(LoadBalancerKind.AWS_NLB_INSTANCE);

	private SimulatedBalancers() {
	}

	/** Whether the even/weighted knob tunes how {@code kind} spreads. */
	public static boolean spreadKnob(LoadBalancerKind kind) {
		return SPREAD_KNOB.contains(kind);
	}

	/**
	 * @throws IllegalArgumentException for a load balancer the simulation does not model
	 */
	public static void check(LoadBalancerKind kind) {
		if (!MODELLED.contains(kind)) {
			throw new IllegalArgumentException("The sandbox models "
					+ MODELLED.stream().map(LoadBalancerKind::apiName).collect(Collectors.joining(", "))
					+ " for now, not " + kind.apiName() + "; the analyzer (/api/v1/analyze?loadBalancer="
					+ kind.apiName() + ") gives its steady-state shares and sources.");
		}
	}

}
