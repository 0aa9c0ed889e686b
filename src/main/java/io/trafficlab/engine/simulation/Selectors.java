package io.trafficlab.engine.simulation;

import java.util.Map;

/**
 * Equality-based label selection, as a Service's {@code spec.selector} selects pods.
 */
final class Selectors {

	private Selectors() {
	}

	static boolean matches(Map<String, String> selector, Map<String, String> labels) {
		if (selector.isEmpty()) {
			return false;
		}
		for (Map.Entry<String, String> wanted : selector.entrySet()) {
			if (!wanted.getValue().equals(labels.get(wanted.getKey()))) {
				return false;
			}
		}
		return true;
	}

}
