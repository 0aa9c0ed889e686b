package io.trafficlab.engine.balancer;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import io.trafficlab.engine.model.Fraction;

/**
 * Spreading with cross-zone load balancing off, as AWS's NLB and Classic ELB do by
 * default: DNS spreads clients evenly over the zones that have a healthy target (a zone
 * without one is taken out of DNS), and each zone's LB node spreads evenly over the
 * healthy targets in its own zone. With cross-zone on: evenly over every healthy target.
 * With nothing healthy anywhere, failing open gives each zone with targets 1/Z over all
 * its targets (AWS target-group-health-checks: "fails open"). One pass, one map of zones.
 */
public final class ZoneSpread {

	private ZoneSpread() {
	}

	/**
	 * Each target's share, in the order given.
	 * @param zones each target's zone ({@code ""} when it has none)
	 * @param healthy whether each target passes the LB's health check
	 * @param failOpen when nothing is healthy: spread over every target ({@code true}) or
	 * send nothing (all shares 0)
	 */
	public static Fraction[] shares(String[] zones, boolean[] healthy, boolean crossZone, boolean failOpen) {
		int targets = zones.length;
		Fraction[] shares = new Fraction[targets];
		Arrays.fill(shares, Fraction.ZERO);
		boolean anyHealthy = false;
		for (boolean passing : healthy) {
			anyHealthy |= passing;
		}
		if (!anyHealthy && !failOpen) {
			return shares;
		}
		boolean[] counted = anyHealthy ? healthy : all(targets);
		if (crossZone) {
			int count = 0;
			for (boolean passing : counted) {
				count += passing ? 1 : 0;
			}
			Fraction each = (count > 0) ? Fraction.oneOver(count) : Fraction.ZERO;
			for (int i = 0; i < targets; i++) {
				shares[i] = counted[i] ? each : Fraction.ZERO;
			}
			return shares;
		}
		Map<String, int[]> perZone = new HashMap<>();
		for (int i = 0; i < targets; i++) {
			if (counted[i]) {
				perZone.computeIfAbsent(zones[i], (zone) -> new int[1])[0]++;
			}
		}
		Map<String, Fraction> perTarget = new HashMap<>();
		int zoneCount = perZone.size();
		for (Map.Entry<String, int[]> zone : perZone.entrySet()) {
			perTarget.put(zone.getKey(), Fraction.of(1, (long) zoneCount * zone.getValue()[0]));
		}
		for (int i = 0; i < targets; i++) {
			if (counted[i]) {
				shares[i] = perTarget.get(zones[i]);
			}
		}
		return shares;
	}

	private static boolean[] all(int count) {
		boolean[] every = new boolean[count];
		Arrays.fill(every, true);
		return every;
	}

}
