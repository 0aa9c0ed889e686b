/**
 * The live simulation: clients, the cloud load balancer, kube-proxy on every node, conntrack and pod lifecycles as
 * actors on the {@code engine.kernel} clock, behind the {@link io.trafficlab.engine.simulation.Simulation} façade.
 * Synchronous and steppable: the caller advances simulated time and receives past-tense
 * {@link io.trafficlab.engine.simulation.SimulationEvent}s.
 */
@NullMarked
package io.trafficlab.engine.simulation;

import org.jspecify.annotations.NullMarked;
