package io.trafficlab.system;

/**
 * Limits every feature applies to the manifests it accepts.
 */
public final class RequestLimits {

	/** The largest manifest body accepted: 16 MiB. */
	public static final int MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

	/** The sentence shown when a body is over {@link #MAX_MANIFEST_BYTES}. */
	public static final String BODY_TOO_LARGE = "The request body is over the 16 MiB limit.";

	private RequestLimits() {
	}

}
