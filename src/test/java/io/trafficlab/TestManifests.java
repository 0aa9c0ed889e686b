package io.trafficlab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Manifests the web tests send. {@code uneven-3-1-0.yaml} is the worked example of
 * kube-proxy-semantics §8: nodes n1/n2/n3 (192.168.0.11–13), Service default/web
 * (LoadBalancer 198.51.100.10, nodePort 30080, healthCheckNodePort 32000,
 * {@code externalTrafficPolicy: Local}), three pods on n1 and one on n2.
 */
public final class TestManifests {

	private TestManifests() {
	}

	/** The 3/1/0 example under {@code externalTrafficPolicy: Local}. */
	public static String uneven310() {
		return read("/manifests/uneven-3-1-0.yaml");
	}

	/**
	 * The 3/1/0 example under {@code externalTrafficPolicy: Cluster} (no health-check
	 * port, as the API requires).
	 */
	public static String uneven310Cluster() {
		return uneven310().replace("externalTrafficPolicy: Local", "externalTrafficPolicy: Cluster")
			.replace("  healthCheckNodePort: 32000\n", "");
	}

	/**
	 * The 3/1/0 Service alone as {@code kubectl get -o yaml} shows it, without its
	 * status: Local, clusterIP 10.96.0.50, nodePort 30080, healthCheckNodePort 32000.
	 */
	public static String uneven310Service() {
		String manifests = uneven310();
		int service = manifests.indexOf("apiVersion: v1\nkind: Service");
		return manifests.substring(service, manifests.indexOf("status:\n", service));
	}

	/** The 3/1/0 nodes and Service without any pod: nothing anywhere can serve. */
	public static String uneven310WithoutPods() {
		String manifests = uneven310();
		return manifests.substring(0, manifests.indexOf("---\napiVersion: v1\nkind: Pod"));
	}

	/**
	 * A plain ClusterIP Service that sets {@code externalTrafficPolicy: Local}: the API
	 * server refuses it.
	 */
	public static String clusterIpWithLocalPolicy() {
		return """
				apiVersion: v1
				kind: Service
				metadata:
				  name: web
				  namespace: default
				spec:
				  type: ClusterIP
				  externalTrafficPolicy: Local
				  selector:
				    app: web
				  ports:
				  - port: 80
				""";
	}

	/**
	 * {@code count} Nodes named {@code node-0}, {@code node-1}, ... in zones
	 * {@code zone-a/b/c}.
	 */
	public static String nodes(int count) {
		StringBuilder manifests = new StringBuilder();
		for (int i = 0; i < count; i++) {
			manifests.append("---\napiVersion: v1\nkind: Node\nmetadata:\n  name: node-")
				.append(i)
				.append("\n  labels:\n    topology.kubernetes.io/zone: zone-")
				.append((char) ('a' + i % 3))
				.append('\n');
		}
		return manifests.toString();
	}

	/**
	 * {@code nodes} Nodes and a LoadBalancer Service {@code default/web} with the given
	 * external traffic policy over a Deployment of {@code replicas} pods.
	 */
	public static String bigCluster(int nodes, int replicas, String policy) {
		return nodes(nodes) + """
				---
				apiVersion: v1
				kind: Service
				metadata:
				  name: web
				spec:
				  type: LoadBalancer
				  externalTrafficPolicy: %s
				  selector:
				    app: web
				  ports:
				  - port: 80
				---
				apiVersion: apps/v1
				kind: Deployment
				metadata:
				  name: web
				spec:
				  replicas: %d
				  selector:
				    matchLabels:
				      app: web
				  template:
				    metadata:
				      labels:
				        app: web
				    spec:
				      containers:
				      - name: web
				        image: nginx
				""".formatted(policy, replicas);
	}

	private static String read(String resource) {
		try (InputStream in = TestManifests.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("Missing test resource " + resource);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
