package io.trafficlab.engine.rules;

import java.util.ArrayList;
import java.util.List;

import io.trafficlab.engine.model.Cluster;
import io.trafficlab.engine.model.Node;
import io.trafficlab.engine.net.Cidr;
import org.jspecify.annotations.Nullable;

/**
 * kube-proxy's local-traffic detector ({@code --cluster-cidr}) for a {@link RulesScope},
 * with the packet tracer's default: the smallest CIDR covering every node's pod CIDR.
 */
public final class LocalTrafficDetector {

	private LocalTrafficDetector() {
	}

	/**
	 * The detector's CIDR, or {@code null} when there is none ({@code "none"}, or no node
	 * has a pod CIDR).
	 * @throws IllegalArgumentException naming {@code clusterCidr} when it is not a CIDR
	 */
	public static @Nullable Cidr of(Cluster cluster, @Nullable String clusterCidr) {
		if (clusterCidr == null || clusterCidr.isBlank()) {
			List<Cidr> podCidrs = new ArrayList<>();
			for (Node node : cluster.nodes()) {
				Cidr podCidr = Cidr.tryParse(node.podCidr());
				if (podCidr != null) {
					podCidrs.add(podCidr);
				}
			}
			return Cidr.smallestCovering(podCidrs);
		}
		if ("none".equalsIgnoreCase(clusterCidr.trim())) {
			return null;
		}
		Cidr cidr = Cidr.tryParse(clusterCidr);
		if (cidr == null || !clusterCidr.contains("/")) {
			throw new IllegalArgumentException("clusterCidr: \"" + clusterCidr
					+ "\" is not a CIDR; give one such as 10.244.0.0/16, or \"none\" for no local-traffic detector");
		}
		return cidr;
	}

}
