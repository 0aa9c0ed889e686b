package io.trafficlab.engine.simulation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.trafficlab.engine.balancer.LoadBalancerAddresses;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.model.Node;
import io.trafficlab.engine.model.ServiceRef;

/**
 * The names and addresses of the sandbox's AWS load balancers, deterministic examples
 * shaped like the real ones.
 * <ul>
 * <li>Their DNS names, which both AWS controllers write into the Service's
 * {@code status.loadBalancer.ingress} as a {@code hostname} (never an IP:
 * aws-load-balancer-controller {@code controllers/service/service_controller.go}
 * {@code updateServiceStatus}; cloud-provider-aws {@code toStatus}), so kube-proxy
 * programs no load-balancer IP rule. The AWS Load Balancer Controller names an NLB
 * {@code k8s-<namespace>-<name>-<hash>}, and AWS adds
 * {@code .elb.<region>.amazonaws.com}: the sandbox writes {@code k8s-default-web-<10 hex
 * digits of SHA-256 of "namespace/name">.elb.us-east-1.amazonaws.com}. cloud-provider-aws
 * names a Classic ELB as every in-tree provider did ({@code GetLoadBalancerName} calls
 * k8s.io/cloud-provider's {@code DefaultLoadBalancerName}: "a" and the Service's UID
 * without dashes, 32 characters at most), and AWS adds
 * {@code -<number>.<region>.elb.amazonaws.com}: the sandbox, which has no UIDs, writes
 * "a", 31 hex digits of that SHA-256, then
 * {@code -<10 digits>.us-east-1.elb.amazonaws.com}. Examples, not real names.</li>
 * <li>One address per zone: the NLB has a node in each zone, and its DNS name resolves to
 * the zones' addresses (the zones with a healthy target). The k-th zone in sorted order
 * (nodes without a zone first) gets {@code 172.16.0.(10 + k)}, skipping node and client
 * addresses, as the analyzer names the LB's zonal addresses.</li>
 * </ul>
 */
final class AwsNames {

	private static final String REGION = "us-east-1";

	private AwsNames() {
	}

	/**
	 * The DNS name of {@code kind} (an AWS load balancer) for the Service {@code ref}.
	 */
	static String hostname(LoadBalancerKind kind, ServiceRef ref) {
		byte[] digest = sha256(ref);
		if (kind == LoadBalancerKind.AWS_CLB) {
			long number = 0;
			for (int i = 16; i < 24; i++) {
				number = (number << 8) | (digest[i] & 0xff);
			}
			return "a" + hex(digest, 16).substring(0, 31) + "-"
					+ String.format("%010d", Long.remainderUnsigned(number, 10_000_000_000L)) + "." + REGION
					+ ".elb.amazonaws.com";
		}
		return "k8s-" + first8(ref.namespace()) + "-" + first8(ref.name()) + "-" + hex(digest, 5) + ".elb." + REGION
				+ ".amazonaws.com";
	}

	private static String first8(String text) {
		return (text.length() <= 8) ? text : text.substring(0, 8);
	}

	private static String hex(byte[] bytes, int count) {
		StringBuilder hex = new StringBuilder();
		for (int i = 0; i < count; i++) {
			hex.append(String.format("%02x", bytes[i]));
		}
		return hex.toString();
	}

	private static byte[] sha256(ServiceRef ref) {
		try {
			return MessageDigest.getInstance("SHA-256")
				.digest((ref.namespace() + "/" + ref.name()).getBytes(StandardCharsets.UTF_8));
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
