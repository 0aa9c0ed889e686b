package io.trafficlab.engine.simulation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.trafficlab.engine.balancer.LoadBalancerAddresses;
import io.trafficlab.engine.model.Node;
import io.trafficlab.engine.model.ServiceRef;

/**
 * The names and addresses of the sandbox's AWS NLB, deterministic examples shaped like
 * the real ones.
 * <ul>
 * <li>Its DNS name, which the AWS Load Balancer Controller writes into the Service's
 * {@code status.loadBalancer.ingress} as a {@code hostname} (never an IP:
 * {@code controllers/service/service_controller.go} {@code updateServiceStatus}), so
 * kube-proxy programs no load-balancer IP rule. The controller names the NLB
 * {@code k8s-<namespace>-<name>-<hash>}; AWS adds {@code .elb.<region>.amazonaws.com}.
 * The sandbox writes {@code k8s-default-web-<10 hex digits of SHA-256 of
 * "namespace/name">.elb.us-east-1.amazonaws.com}, an example, not a real name.</li>
 * <li>One address per zone: the NLB has a node in each zone, and its DNS name resolves to
 * the zones' addresses (the zones with a healthy target). The k-th zone in sorted order
 * (nodes without a zone first) gets {@code 172.16.0.(10 + k)}, skipping node and client
 * addresses, as the analyzer names the LB's zonal addresses.</li>
 * </ul>
 */
final class NlbNames {

	private static final String REGION_SUFFIX = ".elb.us-east-1.amazonaws.com";

	private NlbNames() {
	}

	/** The NLB's DNS name for the Service {@code ref}. */
	static String hostname(ServiceRef ref) {
		return "k8s-" + first8(ref.namespace()) + "-" + first8(ref.name()) + "-" + hash(ref) + REGION_SUFFIX;
	}

	private static String first8(String text) {
		return (text.length() <= 8) ? text : text.substring(0, 8);
	}

	private static String hash(ServiceRef ref) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((ref.namespace() + "/" + ref.name()).getBytes(StandardCharsets.UTF_8));
			StringBuilder hex = new StringBuilder();
			for (int i = 0; i < 5; i++) {
				hex.append(String.format("%02x", digest[i]));
			}
			return hex.toString();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

	/**
	 * Each zone's address of the NLB, by zone ({@code ""}: nodes without a zone), by the
	 * analyzer's rule ({@link LoadBalancerAddresses}).
	 */
	static Map<String, String> zoneAddresses(Collection<SimNode> nodes, List<String> clientIps) {
		List<Node> models = new ArrayList<>(nodes.size());
		for (SimNode node : nodes) {
			models.add(node.model);
		}
		return LoadBalancerAddresses.of(models, clientIps).byZone();
	}

}
