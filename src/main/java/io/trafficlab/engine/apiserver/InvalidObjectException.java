package io.trafficlab.engine.apiserver;

import java.util.List;

/**
 * An object the API server would reject. Each message is worded exactly as kube-apiserver
 * words it, e.g.
 * {@code Service "web" is invalid: spec.externalTrafficPolicy: Invalid value: "Local": may only be set for
 * externally-accessible services}.
 */
public class InvalidObjectException extends RuntimeException {

	private final List<String> messages;

	public InvalidObjectException(List<String> messages) {
		super(String.join("; ", messages));
		this.messages = List.copyOf(messages);
	}

	public List<String> messages() {
		return this.messages;
	}

}
