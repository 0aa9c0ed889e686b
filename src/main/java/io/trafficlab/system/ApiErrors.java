package io.trafficlab.system;

import java.util.List;

/**
 * The JSON body of every error the API returns: {@code {"errors": ["..."]}}.
 *
 * @param errors the messages, for people
 */
public record ApiErrors(List<String> errors) {

	public ApiErrors {
		errors = List.copyOf(errors);
	}

	public static ApiErrors of(String message) {
		return new ApiErrors(List.of(message));
	}

}
