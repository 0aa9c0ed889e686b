package io.trafficlab.engine.cluster;

/**
 * A cluster larger than the sandbox handles; the message names the limit.
 */
public class ClusterLimitException extends RuntimeException {

	/** At most this many nodes. */
	public static final int MAX_NODES = 5_000;

	/** At most this many pods (or endpoints). */
	public static final int MAX_PODS = 50_000;

	public ClusterLimitException(String message) {
		super(message);
	}

}
