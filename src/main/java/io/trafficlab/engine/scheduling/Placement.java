package io.trafficlab.engine.scheduling;

import org.jspecify.annotations.Nullable;

/**
 * Where the scheduler put one pod.
 *
 * @param nodeName the node, or {@code null} when the pod stays Pending
 * @param pendingReason for a Pending pod, the scheduler's event message
 * ({@code 0/3 nodes are available: ...}); or {@code null}
 */
public record Placement(@Nullable String nodeName, @Nullable String pendingReason) {

	static Placement on(String nodeName) {
		return new Placement(nodeName, null);
	}

	static Placement pending(String reason) {
		return new Placement(null, reason);
	}

	public boolean pending() {
		return this.nodeName == null;
	}

}
