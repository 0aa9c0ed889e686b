package io.trafficlab.system;

import java.util.Arrays;
import java.util.List;

import io.trafficlab.engine.balancer.Dataplane;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.balancer.LoadBalancerModel;
import io.trafficlab.engine.model.Spelled;
import io.trafficlab.engine.model.TrafficPolicy;
import io.trafficlab.engine.net.NetworkModel;
import io.trafficlab.engine.simulation.SimulatedBalancers;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The choices the pages' controls offer, spelled as their types spell them, so a new
 * constant is a new button without touching a template.
 */
@ControllerAdvice
class SpelledChoices {

	private static final List<String> TRAFFIC_POLICIES = Spelled.spellings(TrafficPolicy.class);

	private static final List<String> LOAD_BALANCER_MODELS = Spelled.spellings(LoadBalancerModel.class);

	private static final List<String> DATAPLANES = Spelled.spellings(Dataplane.class);

	/** The pod networks, each with the CNIs it stands for. */
	private static final List<NetworkChoice> NETWORKS = Arrays.stream(NetworkModel.values())
		.map((network) -> new NetworkChoice(network.apiName(), network.label()))
		.toList();

	/**
	 * The catalogue's load balancers but {@code generic} (the API's R20 model), each with
	 * whether the sandbox simulates it.
	 */
	private static final List<LoadBalancerChoice> SANDBOX_LOAD_BALANCERS = Arrays.stream(LoadBalancerKind.values())
		.filter((kind) -> kind != LoadBalancerKind.GENERIC)
		.map((kind) -> new LoadBalancerChoice(kind.apiName(), kind.label(), SimulatedBalancers.MODELLED.contains(kind)))
		.toList();

	@ModelAttribute
	void choices(Model model) {
		model.addAttribute("trafficPolicies", TRAFFIC_POLICIES);
		model.addAttribute("loadBalancerModels", LOAD_BALANCER_MODELS);
		model.addAttribute("dataplanes", DATAPLANES);
		model.addAttribute("networks", NETWORKS);
		model.addAttribute("sandboxLoadBalancers", SANDBOX_LOAD_BALANCERS);
	}

	/**
	 * One load balancer of the playground's select.
	 *
	 * @param value its catalogue id
	 * @param label its name
	 * @param simulated whether the sandbox simulates it (else the option is disabled)
	 */
	record LoadBalancerChoice(String value, String label, boolean simulated) {

	}

	/**
	 * One pod network of the playground's select.
	 *
	 * @param value its spelling
	 * @param label its name, with the CNIs it stands for
	 */
	record NetworkChoice(String value, String label) {

	}

}
