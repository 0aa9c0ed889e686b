package io.trafficlab.sandbox;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import io.trafficlab.engine.cluster.ClusterDeclaration;
import io.trafficlab.manifest.DeclaredManifests;
import io.trafficlab.manifest.ManifestImporter;

import org.springframework.stereotype.Component;

/**
 * Turns manifests into the declaration a simulation starts from. Workloads stay
 * workloads, so a sandbox can scale them and replaces the pods it deletes. Syntax errors
 * are reported as by {@code /api/v1/analyze}; API-server rejections and limits come from
 * {@code Simulation.start}, which assembles the cluster the same way.
 */
@Component
record ClusterReader(ManifestImporter importer) {

	ClusterDeclaration read(String manifests) {
		return declared(manifests).declaration();
	}

	/** The declaration with the load balancer and dataplane the manifests name. */
	DeclaredManifests declared(String manifests) {
		return this.importer.readDeclaration(new ByteArrayInputStream(manifests.getBytes(StandardCharsets.UTF_8)));
	}

}
