package io.trafficlab.engine.apiserver;

import org.jspecify.annotations.Nullable;

/**
 * One entry of {@code spec.ports} as written in a manifest; missing values are
 * {@code null}.
 *
 * @param name the port name, or {@code null}
 * @param protocol {@code TCP} (the default), {@code UDP} or {@code SCTP}, or {@code null}
 * @param port the Service port ({@code 0} when missing, which the API server rejects)
 * @param targetPort a container port number or a named port, or {@code null} (defaults to
 * {@code port})
 * @param nodePort the requested node port, or {@code null} to have one allocated when the
 * type needs it
 */
public record DeclaredServicePort(@Nullable String name, @Nullable String protocol, int port,
		@Nullable String targetPort, @Nullable Integer nodePort) {

	/** An unnamed TCP port forwarding to {@code targetPort}. */
	public static DeclaredServicePort tcp(int port, int targetPort) {
		return new DeclaredServicePort(null, null, port, String.valueOf(targetPort), null);
	}

	/** The same port asking for a specific node port. */
	public DeclaredServicePort withNodePort(@Nullable Integer requested) {
		return new DeclaredServicePort(this.name, this.protocol, this.port, this.targetPort, requested);
	}

}
