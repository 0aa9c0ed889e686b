package io.trafficlab.manifest;

import java.util.List;

import io.trafficlab.engine.cluster.ClusterDeclaration;

/**
 * What manifests declare, read but not yet assembled into a cluster.
 *
 * @param declaration the declared objects, each kind in declaration order
 * @param warnings what was ignored while reading, for people
 * @param setup the load balancer and dataplane the manifests name
 */
public record DeclaredManifests(ClusterDeclaration declaration, List<String> warnings, DeclaredSetup setup) {

	public DeclaredManifests {
		warnings = List.copyOf(warnings);
	}

}
