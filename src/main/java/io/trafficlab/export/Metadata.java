package io.trafficlab.export;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.trafficlab.engine.cluster.OwnerReference;

/**
 * What every exported object's metadata shares.
 */
final class Metadata {

	/**
	 * {@code metadata.deletionTimestamp} of what was being deleted (its value does not
	 * matter to Traffic Lab).
	 */
	static final String DELETED_AT = "2026-01-01T00:00:00Z";

	private Metadata() {
	}

	/**
	 * Labels and annotations in a stable order, so the same state gives the same YAML.
	 */
	static Map<String, String> sorted(Map<String, String> map) {
		return new TreeMap<>(map);
	}

	static List<io.fabric8.kubernetes.api.model.OwnerReference> owners(List<OwnerReference> owners) {
		return owners.stream()
			.map((owner) -> new OwnerReferenceBuilder().withApiVersion("apps/v1")
				.withKind(owner.kind())
				.withName(owner.name())
				.withController(Boolean.TRUE)
				.build())
			.toList();
	}

}
