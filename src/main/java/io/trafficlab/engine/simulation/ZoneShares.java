package io.trafficlab.engine.simulation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.trafficlab.engine.model.Fraction;

/**
 * An AWS NLB's shares with cross-zone load balancing off (its default): each zone with a
 * healthy target keeps its address in DNS, so a new connection lands in each such zone
 * with 1/Z, then evenly on that zone's healthy targets. With no healthy target anywhere
 * it fails open: every zone, every target. A node's zone is its
 * {@code topology.kubernetes.io/zone} label; nodes without one form one zone. Source: AWS
 * docs <i>target-group-cross-zone</i> and <i>target-group-health-checks</i> ("each load
 * balancer node routes requests only to the healthy targets in its Availability Zone";
 * "we remove the IP address for the corresponding subnet from DNS").
 */
final class ZoneShares {

	private ZoneShares() {
	}

	/** Each target's share, in the order of {@code targets}. */
	static List<Fraction> of(List<SimNode> targets, boolean failingOpen) {
		Map<String, Integer> perZone = new HashMap<>();
		for (SimNode target : targets) {
			if (failingOpen || target.passing()) {
				perZone.merge(zone(target), 1, Integer::sum);
			}
		}
		int zones = perZone.size();
		List<Fraction> shares = new ArrayList<>(targets.size());
		for (SimNode target : targets) {
			boolean eligible = failingOpen || target.passing();
			shares.add(eligible ? Fraction.oneOver((long) zones * perZone.get(zone(target))) : Fraction.ZERO);
		}
		return shares;
	}

	static String zone(SimNode node) {
		String zone = node.model.zone();
		return (zone != null) ? zone : "";
	}

}
