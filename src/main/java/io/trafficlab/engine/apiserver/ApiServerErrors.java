package io.trafficlab.engine.apiserver;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the API server's error messages: {@code Service "web" is invalid: <error>}
 * (several errors in brackets, duplicates dropped, as the API server's aggregate prints
 * them) and {@code Internal error occurred: <message>}.
 */
final class ApiServerErrors {

	private ApiServerErrors() {
	}

	static InvalidObjectException invalid(String name, List<FieldError> errors) {
		return new InvalidObjectException(List.of(invalidMessage(name, errors)));
	}

	static String invalidMessage(String name, List<FieldError> errors) {
		return invalidMessage("Service", name, errors);
	}

	/**
	 * {@code <Kind> "<name>" is invalid: <errors>}, as the API server's aggregate prints
	 * them.
	 */
	static String invalidMessage(String qualifiedKind, String name, List<FieldError> errors) {
		Set<String> messages = new LinkedHashSet<>();
		errors.forEach((error) -> messages.add(error.toString()));
		String body = (messages.size() == 1) ? messages.iterator().next() : "[" + String.join(", ", messages) + "]";
		return qualifiedKind + " " + GoValue.quoteBounded(name) + " is invalid: " + body;
	}

	static InvalidObjectException internal(String message) {
		return new InvalidObjectException(List.of("Internal error occurred: " + message));
	}

	static InvalidObjectException alreadyExists(String name) {
		return new InvalidObjectException(List.of("services " + GoValue.quote(name) + " already exists"));
	}

	static InvalidObjectException notFound(String name) {
		return new InvalidObjectException(List.of("services " + GoValue.quote(name) + " not found"));
	}

}
