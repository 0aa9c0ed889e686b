package io.trafficlab.sandbox;

import java.io.IOException;
import java.util.function.Function;
import java.util.function.Supplier;

import io.trafficlab.engine.balancer.Dataplane;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.balancer.LoadBalancerModel;
import io.trafficlab.engine.model.SessionAffinity;
import io.trafficlab.engine.model.Spelled;
import io.trafficlab.engine.model.TrafficPolicy;
import io.trafficlab.engine.net.NetworkModel;
import io.trafficlab.engine.simulation.SimulationCommand.SetNetwork;
import io.trafficlab.engine.simulation.SimulationCommand;
import io.trafficlab.engine.simulation.SimulationCommand.SetClientRate;
import io.trafficlab.engine.simulation.SimulationCommand.SetExternalTrafficPolicy;
import io.trafficlab.engine.simulation.SimulationCommand.SetInternalTrafficPolicy;
import io.trafficlab.engine.simulation.SimulationCommand.SetDataplane;
import io.trafficlab.engine.simulation.SimulationCommand.SetLoadBalancerKind;
import io.trafficlab.engine.simulation.SimulationCommand.SetLoadBalancerModel;
import io.trafficlab.engine.simulation.SimulationCommand.SetSessionAffinity;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Commands on a sandbox's Service, cloud load balancer and clients.
 */
@RestController
@RequestMapping(SandboxDestinations.API + "/{id}")
record SandboxServiceController(SandboxCommands commands, ClusterReader reader) {

	/**
	 * {@code kubectl edit} of the followed Service: the body is the Service as YAML or
	 * JSON; the API server's update path decides, then the simulation takes the result.
	 */
	@PutMapping("/service")
	ResponseEntity<SandboxCommands.PortChanges> service(@PathVariable String id, HttpServletRequest request)
			throws IOException {
		String text = ManifestBody.require(request);
		return this.commands.editService(id, EditedService.of(this.reader.read(text)));
	}

	@PutMapping("/service/external-traffic-policy")
	ResponseEntity<Void> externalTrafficPolicy(@PathVariable String id, @RequestParam("value") String value) {
		return choose(id, "value", value, TrafficPolicy.class, SetExternalTrafficPolicy::new);
	}

	@PutMapping("/service/internal-traffic-policy")
	ResponseEntity<Void> internalTrafficPolicy(@PathVariable String id, @RequestParam("value") String value) {
		return choose(id, "value", value, TrafficPolicy.class, SetInternalTrafficPolicy::new);
	}

	@PutMapping("/service/session-affinity")
	ResponseEntity<Void> sessionAffinity(@PathVariable String id, @RequestParam("value") String value) {
		return choose(id, "value", value, SessionAffinity.class, SetSessionAffinity::new);
	}

	@PutMapping("/load-balancer")
	ResponseEntity<Void> loadBalancer(@PathVariable String id, @RequestParam("model") String model) {
		return choose(id, "model", model, LoadBalancerModel.class, SetLoadBalancerModel::new);
	}

	@PutMapping("/load-balancer/kind")
	ResponseEntity<Void> loadBalancerKind(@PathVariable String id, @RequestParam("value") String value) {
		return choose(id, "value", value, LoadBalancerKind.class, SetLoadBalancerKind::new);
	}

	@PutMapping("/dataplane")
	ResponseEntity<Void> dataplane(@PathVariable String id, @RequestParam("value") String value) {
		return choose(id, "value", value, Dataplane.class, SetDataplane::new);
	}

	@PutMapping("/network")
	ResponseEntity<Void> network(@PathVariable String id, @RequestParam("value") String value) {
		return choose(id, "value", value, NetworkModel.class, SetNetwork::new);
	}

	@PutMapping("/client-rate")
	ResponseEntity<Void> clientRate(@PathVariable String id, @RequestParam("perSecond") double perSecond) {
		return apply(id, () -> new SetClientRate(perSecond));
	}

	/**
	 * Applies the command that sets one of a setting's fixed choices, the one
	 * {@code parameter} spells as {@code value}.
	 */
	private <E extends Enum<E> & Spelled> ResponseEntity<Void> choose(String id, String parameter, String value,
			Class<E> type, Function<E, SimulationCommand> command) {
		return apply(id, () -> command.apply(CommandParameters.oneOf(parameter, value, type)));
	}

	private ResponseEntity<Void> apply(String id, Supplier<SimulationCommand> command) {
		return this.commands.apply(id, command);
	}

}
