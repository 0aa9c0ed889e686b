package io.trafficlab.engine.apiserver;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The fields of one EndpointSlice endpoint that {@link ObjectValidation} checks.
 *
 * @param addresses {@code addresses}
 * @param nodeName {@code nodeName}, or {@code null}
 * @param zone {@code zone}, or {@code null}
 */
public record SliceEndpoint(List<String> addresses, @Nullable String nodeName, @Nullable String zone) {

	public SliceEndpoint {
		addresses = List.copyOf(addresses);
	}

}
