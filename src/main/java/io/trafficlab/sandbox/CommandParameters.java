package io.trafficlab.sandbox;

import io.trafficlab.engine.model.Spelled;
import io.trafficlab.engine.model.UnknownValueException;
import io.trafficlab.system.ParameterChoices;

/**
 * The fixed choices of the sandbox commands' query parameters, spelled as their types
 * spell them ({@link Spelled}). Every refusal names the parameter and the values allowed.
 */
final class CommandParameters {

	private CommandParameters() {
	}

	static <E extends Enum<E> & Spelled> E oneOf(String name, String value, Class<E> type) {
		try {
			return Spelled.parse(type, name, value);
		}
		catch (UnknownValueException ex) {
			throw SandboxRequestException
				.badValue(ParameterChoices.notOneOf(name, ex.allowed().stream().sorted().toList(), value));
		}
	}

}
