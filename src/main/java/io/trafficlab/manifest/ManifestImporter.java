package io.trafficlab.manifest;

import java.io.InputStream;

/**
 * Reads Kubernetes manifests into a complete cluster.
 */
public final class ManifestImporter {

	/**
	 * Reads a YAML stream (multi-document, {@code kind: List}, {@code kubectl get -o yaml}) or JSON.
	 * @throws ManifestSyntaxException when the text is not YAML/JSON (names line and column)
	 * @throws io.trafficlab.engine.apiserver.InvalidObjectException when the API server would reject an object
	 * @throws io.trafficlab.engine.cluster.ClusterLimitException when the cluster is over the limits
	 */
	public ImportedCluster read(InputStream manifests) {
		throw new UnsupportedOperationException("not yet implemented");
	}

}
