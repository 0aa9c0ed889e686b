package io.trafficlab.engine.analysis;

import java.util.LinkedHashMap;
import java.util.Map;

import io.trafficlab.engine.endpoint.EndpointSet;
import io.trafficlab.engine.model.Fraction;

/**
 * Unmasqueraded deliveries to a set that several nodes share (a Cluster set under Cilium
 * DSR), summed per arrival source so that the set is spread once per source, not once per
 * node.
 */
final class KeptGroup {

	private final EndpointSet set;

	private final Map<String, Fraction> bySource = new LinkedHashMap<>(2);

	KeptGroup(EndpointSet set) {
		this.set = set;
	}

	void add(String source, Fraction share) {
		this.bySource.merge(source, share, Fraction::plus);
	}

	EndpointSet set() {
		return this.set;
	}

	Map<String, Fraction> bySource() {
		return this.bySource;
	}

}
