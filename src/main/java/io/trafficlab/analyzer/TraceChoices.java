package io.trafficlab.analyzer;

import java.util.List;

import io.trafficlab.engine.proxy.DestinationKind;
import io.trafficlab.engine.proxy.SourceClass;
import org.jspecify.annotations.Nullable;

/**
 * The options of the trace form, with the words the page uses for them.
 */
final class TraceChoices {

	static final String DEFAULT_SOURCE = "external";

	static final String DEFAULT_DESTINATION = "loadBalancerIP";

	static final List<Choice<SourceClass>> SOURCES = List.of(
			new Choice<>("external", "an external client", SourceClass.EXTERNAL),
			new Choice<>("pod", "a pod on that node", SourceClass.POD),
			new Choice<>("node", "the node itself (host network)", SourceClass.NODE));

	static final List<Choice<DestinationKind>> DESTINATIONS = List.of(
			new Choice<>("loadBalancerIP", "the load balancer IP", DestinationKind.LOAD_BALANCER_IP),
			new Choice<>("nodePort", "the node port", DestinationKind.NODE_PORT),
			new Choice<>("externalIP", "an external IP", DestinationKind.EXTERNAL_IP),
			new Choice<>("clusterIP", "the ClusterIP", DestinationKind.CLUSTER_IP));

	private TraceChoices() {
	}

	static <T> @Nullable Choice<T> find(List<Choice<T>> choices, @Nullable String value) {
		return choices.stream().filter((choice) -> choice.value().equals(value)).findFirst().orElse(null);
	}

	/**
	 * One option.
	 *
	 * @param value the form value
	 * @param label the words shown
	 * @param kind the engine's value
	 */
	record Choice<T>(String value, String label, T kind) {

	}

}
