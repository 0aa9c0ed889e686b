package io.trafficlab.system;

import java.util.List;

import io.trafficlab.engine.balancer.LoadBalancerModel;
import io.trafficlab.engine.model.Spelled;
import io.trafficlab.engine.model.TrafficPolicy;

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

	@ModelAttribute("trafficPolicies")
	List<String> trafficPolicies() {
		return TRAFFIC_POLICIES;
	}

	@ModelAttribute("loadBalancerModels")
	List<String> loadBalancerModels() {
		return LOAD_BALANCER_MODELS;
	}

}
