package io.trafficlab.manifest;

import java.util.List;

import io.trafficlab.engine.cluster.ClusterDeclaration;

/**
 * What manifests declare, read but not yet assembled into a cluster.
 *
 * @param declaration the declared objects, each kind in declaration order
 * @param warnings what was ignored while reading, for people
 */
public record DeclaredManifests(ClusterDeclaration declaration, List<String> warnings) {

	public DeclaredManifests {
		warnings = List.copyOf(warnings);
	}

}
