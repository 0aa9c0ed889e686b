package io.trafficlab.engine.simulation;

import io.trafficlab.engine.apiserver.DeclaredService;
import io.trafficlab.engine.balancer.LoadBalancerKind;

/**
 * Writes the followed Service as people read it: the web layer renders it as YAML. The
 * engine has no YAML of its own; it hands the changed Service to the renderer and passes
 * the text on in {@link SimulationEvent.ServiceUpdated}, with the annotations that ask
 * for the load balancer in front of it.
 */
@FunctionalInterface
public interface ServiceRenderer {

	String render(DeclaredService service, LoadBalancerKind kind);

}
