package io.trafficlab.engine.cluster;

import java.util.List;

/**
 * Short lists of names for warnings: {@code a, b and 7 more}.
 */
final class Listing {

	private static final int SHOWN = 5;

	private Listing() {
	}

	static String of(List<String> names) {
		if (names.size() <= SHOWN) {
			return String.join(", ", names);
		}
		return String.join(", ", names.subList(0, SHOWN)) + " and " + (names.size() - SHOWN) + " more";
	}

}
