package io.trafficlab.engine.simulation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.trafficlab.engine.model.ServiceRef;
import io.trafficlab.engine.net.IpAddress;

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

	private static final IpAddress FIRST_ZONE_ADDRESS = IpAddress.parse("172.16.0.10");

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

	/** Each zone's address of the NLB, by zone ({@code ""}: nodes without a zone). */
	static Map<String, String> zoneAddresses(List<SimNode> nodes, List<String> clientIps) {
		Set<String> zones = new TreeSet<>();
		Set<String> taken = new HashSet<>(clientIps);
		for (SimNode node : nodes) {
			zones.add(ZoneShares.zone(node));
			taken.add(node.model.internalIp());
		}
		Map<String, String> addresses = new LinkedHashMap<>();
		long next = 0;
		for (String zone : new ArrayList<>(zones)) {
			IpAddress candidate = FIRST_ZONE_ADDRESS.plus(next++);
			while (taken.contains(candidate.toString())) {
				candidate = FIRST_ZONE_ADDRESS.plus(next++);
			}
			addresses.put(zone, candidate.toString());
		}
		return addresses;
	}

}
