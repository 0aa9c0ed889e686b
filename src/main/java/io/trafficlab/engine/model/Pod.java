package io.trafficlab.engine.model;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A pod with its placement and address.
 *
 * @param namespace the namespace
 * @param name the pod name
 * @param labels the pod labels
 * @param nodeName the node it is scheduled on, or {@code null} while pending
 * @param ip the pod IP, or {@code null} while pending
 * @param ready whether the pod's Ready condition is true
 * @param terminating whether the pod has a {@code deletionTimestamp}
 */
public record Pod(String namespace, String name, Map<String, String> labels, @Nullable String nodeName,
		@Nullable String ip, boolean ready, boolean terminating) {

	public Pod {
		labels = Map.copyOf(labels);
	}

}
