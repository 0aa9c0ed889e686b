package io.trafficlab.stream;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonValue;
import io.trafficlab.engine.model.Fraction;
import io.trafficlab.engine.simulation.SimulationEvent;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The JSON shape of the engine's types, for the stream and the sandbox API alike: every
 * event gets a {@code type} property with its simple class name
 * ({@code "ConnectionRouted"}) and is otherwise its record components as they are; a
 * fraction is its exact text ({@code "1/6"}), as in {@code /api/v1/analyze}. Mix-ins keep
 * Jackson out of the engine, and no event needs a hand-written mapping.
 */
@Configuration(proxyBeanMethods = false)
class StreamJson {

	@Bean
	JsonMapperBuilderCustomizer engineTypesJson() {
		return (builder) -> builder.addMixIn(SimulationEvent.class, EventMixin.class)
			.addMixIn(Fraction.class, FractionMixin.class);
	}

	@JsonTypeInfo(use = JsonTypeInfo.Id.SIMPLE_NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
	abstract static class EventMixin {

	}

	abstract static class FractionMixin {

		@JsonValue
		@Override
		public abstract String toString();

	}

}
