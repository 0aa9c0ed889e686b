package io.trafficlab.system;

import java.util.List;

/**
 * The JSON body of every error the API returns: {@code {"errors": ["..."]}}.
 *
 * @param errors the messages, for people
 */
public record ErrorsJson(List<String> errors) {

	public ErrorsJson {
		errors = List.copyOf(errors);
	}

	public static ErrorsJson of(String message) {
		return new ErrorsJson(List.of(message));
	}

}
