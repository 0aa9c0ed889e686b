package io.trafficlab.analyzer;

import java.util.List;

import io.trafficlab.engine.balancer.LoadBalancerModel;
import io.trafficlab.engine.model.Spelled;
import io.trafficlab.engine.proxy.DestinationKind;
import io.trafficlab.engine.proxy.SourceClass;
import org.jspecify.annotations.Nullable;

/**
 * The options of the analyzer's selects, with the words the page uses for them; each
 * option's value is its engine value's spelling.
 */
final class FormChoices {

	static final List<Choice<LoadBalancerModel>> LOAD_BALANCERS = List.of(Choice.of(LoadBalancerModel.EVEN, "Even"),
			Choice.of(LoadBalancerModel.WEIGHTED, "Weighted by local endpoints"));

	static final List<Choice<SourceClass>> SOURCES = List.of(Choice.of(SourceClass.EXTERNAL, "an external client"),
			Choice.of(SourceClass.POD, "a pod on that node"),
			Choice.of(SourceClass.NODE, "the node itself (host network)"));

	static final List<Choice<DestinationKind>> DESTINATIONS = List.of(
			Choice.of(DestinationKind.LOAD_BALANCER_IP, "the load balancer IP"),
			Choice.of(DestinationKind.NODE_PORT, "the node port"),
			Choice.of(DestinationKind.EXTERNAL_IP, "an external IP"),
			Choice.of(DestinationKind.CLUSTER_IP, "the ClusterIP"));

	static final String DEFAULT_SOURCE = SOURCES.get(0).value();

	private FormChoices() {
	}

	static <T extends Spelled> @Nullable Choice<T> find(List<Choice<T>> choices, @Nullable String value) {
		return choices.stream().filter((choice) -> choice.value().equals(value)).findFirst().orElse(null);
	}

	/**
	 * One option.
	 *
	 * @param value the form value: the engine value's spelling
	 * @param label the words shown
	 * @param kind the engine's value
	 */
	record Choice<T extends Spelled>(String value, String label, T kind) {

		static <T extends Spelled> Choice<T> of(T kind, String label) {
			return new Choice<>(kind.apiName(), label, kind);
		}

	}

}
