package io.trafficlab.engine.goal;

import java.util.List;

import io.trafficlab.engine.analysis.EndpointAnalysis;
import io.trafficlab.engine.analysis.NodeAnalysis;
import io.trafficlab.engine.analysis.ServiceAnalysis;
import io.trafficlab.engine.model.Fraction;
import io.trafficlab.engine.model.Node;
import io.trafficlab.engine.simulation.Simulation;
import org.jspecify.annotations.Nullable;

/**
 * What conditions look at: the exact analysis of the followed Service as the cluster is
 * now (the steady state, not the counters of a transition), and the client whose address
 * the analysis follows.
 *
 * @param service the Service's exact analysis
 * @param clientIp the followed client's address
 * @param nodes the cluster's Node objects as the API server stores them
 */
public record GoalSubject(ServiceAnalysis service, String clientIp, List<Node> nodes) {

	public GoalSubject {
		nodes = List.copyOf(nodes);
	}

	/** The subject of a running simulation. */
	public static GoalSubject of(Simulation simulation) {
		return new GoalSubject(simulation.statistics().exact(), simulation.settings().clientIps().get(0),
				simulation.cluster().nodes());
	}

	/**
	 * The pods that count for shares: every endpoint that is Ready or receives
	 * connections (a serving-terminating fallback, R4), in the analysis' order.
	 */
	List<EndpointAnalysis> pods() {
		return this.service.endpoints()
			.stream()
			.filter((endpoint) -> endpoint.endpoint().ready() || !endpoint.externalShare().isZero())
			.toList();
	}

	@Nullable NodeAnalysis node(String name) {
		return this.service.nodes().stream().filter((node) -> node.name().equals(name)).findFirst().orElse(null);
	}

	static String name(EndpointAnalysis endpoint) {
		String pod = endpoint.endpoint().podName();
		return (pod != null) ? pod : endpoint.endpoint().ip();
	}

	/**
	 * The mean share of {@link #pods()}: what each would take if the routed connections
	 * spread evenly.
	 */
	Fraction meanShare(List<EndpointAnalysis> pods) {
		Fraction total = Fraction.ZERO;
		for (EndpointAnalysis pod : pods) {
			total = total.plus(pod.externalShare());
		}
		return total.dividedBy(pods.size());
	}

}
