package io.trafficlab.engine.cluster;

import java.util.List;
import java.util.Map;

import io.trafficlab.engine.model.Taint;

import org.jspecify.annotations.Nullable;

/**
 * A Node as written in a manifest; the assembler fills in what is missing.
 *
 * @param name {@code metadata.name}
 * @param labels {@code metadata.labels}
 * @param annotations {@code metadata.annotations}
 * ({@code trafficlab.io/kube-proxy-healthy: "false"} simulates a stale kube-proxy)
 * @param internalIp the {@code InternalIP} entry of {@code status.addresses}, or
 * {@code null}
 * @param podCidr {@code spec.podCIDR}, or {@code null}
 * @param taints {@code spec.taints}
 * @param deleting whether {@code metadata.deletionTimestamp} is set
 * @param unschedulable {@code spec.unschedulable} (cordoned)
 */
public record DeclaredNode(String name, Map<String, String> labels, Map<String, String> annotations,
		@Nullable String internalIp, @Nullable String podCidr, List<Taint> taints, boolean deleting,
		boolean unschedulable) {

	public DeclaredNode {
		labels = Map.copyOf(labels);
		annotations = Map.copyOf(annotations);
		taints = List.copyOf(taints);
	}

	/** A node with nothing but a name and labels. */
	public static DeclaredNode named(String name, Map<String, String> labels) {
		return new DeclaredNode(name, labels, Map.of(), null, null, List.of(), false, false);
	}

}
