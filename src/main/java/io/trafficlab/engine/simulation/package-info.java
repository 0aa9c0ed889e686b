/**
 * The live simulation: clients, the load balancer (one of {@code SimulatedBalancers}),
 * kube-proxy on every node, conntrack and pod lifecycles as actors on the
 * {@code engine.kernel} clock, behind the
 * {@link io.trafficlab.engine.simulation.Simulation} façade. Synchronous and steppable:
 * the caller advances simulated time and receives past-tense
 * {@link io.trafficlab.engine.simulation.SimulationEvent}s.
 * <ul>
 * <li>{@code World} is the API server's state; {@code cluster()} assembles it with the
 * manifest importer's {@code ClusterAssembler}, so the simulation's cluster is what
 * {@code /api/v1/analyze} sees.</li>
 * <li>{@code KubeProxy} gives each node its own rules, compiled with
 * {@code ServiceEndpoints} and {@code ProxyRules} when the node syncs,
 * {@code proxySyncDelayMicros} after a change.</li>
 * <li>{@code LoadBalancer} registers the nodes the chosen LB's controller would, probes
 * them as its catalogue entry says (R20, {@code ProbeAnswers}), drains (NLB) or drops the
 * ones it deregisters, resets an NLB target's connections when it turns unhealthy, and
 * spreads per zone ({@code engine.balancer.ZoneSpread}, the analyzer's rule) or evenly
 * over the nodes it believes healthy; {@code PodTargetGroup} does the same with pods for
 * an NLB with ip targets, {@code L2Announcer} names MetalLB's one node and
 * {@code BgpAdvertiser} its routes, both on {@code MetalLbSpeakers} (the candidates, the
 * delayed update, a dead speaker's delay).</li>
 * <li>{@code Traffic} is the hot path: arrivals, the LB's pick, the node's route,
 * conntrack ({@code Conntrack}) and the counters; {@code Hops} tells the trip only when a
 * sink wants events.</li>
 * <li>{@code Lifecycle} starts, readies, terminates and deletes pods and plays the
 * workload controllers; {@code Commands} checks and applies
 * {@link io.trafficlab.engine.simulation.SimulationCommand}s.</li>
 * </ul>
 */
@NullMarked
package io.trafficlab.engine.simulation;

import org.jspecify.annotations.NullMarked;
