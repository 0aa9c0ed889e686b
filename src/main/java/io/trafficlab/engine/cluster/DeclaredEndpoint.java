package io.trafficlab.engine.cluster;

import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One entry of an EndpointSlice's {@code endpoints}, conditions as written ({@code null}
 * when missing).
 *
 * @param addresses {@code addresses} (kube-proxy uses the first)
 * @param ready {@code conditions.ready}
 * @param serving {@code conditions.serving}
 * @param terminating {@code conditions.terminating}
 * @param nodeName {@code nodeName}
 * @param zone {@code zone}
 * @param zoneHints {@code hints.forZones[].name}
 * @param nodeHints {@code hints.forNodes[].name}
 * @param podName {@code targetRef.name} when the target is a Pod
 */
public record DeclaredEndpoint(List<String> addresses, @Nullable Boolean ready, @Nullable Boolean serving,
		@Nullable Boolean terminating, @Nullable String nodeName, @Nullable String zone, Set<String> zoneHints,
		Set<String> nodeHints, @Nullable String podName) {

	public DeclaredEndpoint {
		addresses = List.copyOf(addresses);
		zoneHints = Set.copyOf(zoneHints);
		nodeHints = Set.copyOf(nodeHints);
	}

}
