package io.trafficlab.engine.simulation;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.trafficlab.engine.balancer.ExternalEntry;
import io.trafficlab.engine.balancer.LoadBalancerAddresses;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.net.IpAddress;
import io.trafficlab.engine.proxy.DestinationKind;
import io.trafficlab.engine.proxy.ProxyRules;
import org.jspecify.annotations.Nullable;

/**
 * Where external clients send their connections, as the analyzer follows them: the first
 * load-balancer IP of a LoadBalancer Service, else the nodePort of its first port, else
 * its first external IP; through the cloud LB for a LoadBalancer Service, straight to a
 * node otherwise (R1, R20). The sandbox's LB, an AWS NLB, publishes a hostname and no IP,
 * so its Service's packets reach the nodes at their NodePort and kube-proxy programs no
 * LB-IP rule: clients resolve the hostname to one zone's address of the NLB.
 *
 * @param kind how external traffic reaches the nodes
 * @param destination which of the Service's addresses the nodes see, {@code null} when
 * none exists
 * @param address the LB IP or external IP ({@code ""} for a nodePort, which is per node)
 * @param port the destination port
 * @param targetPort the port on the pod
 * @param nodePort the primary port's nodePort, 0 when it has none
 * @param hostname the NLB's DNS name, {@code null} when clients do not go through it
 * @param zoneAddresses the NLB's address in each zone, by zone
 * @param admitted per client: whether the NLB's security group lets it in (built from
 * {@code loadBalancerSourceRanges}; all true without ranges)
 */
record Entry(ExternalEntry kind, @Nullable DestinationKind destination, String address, int port, String targetPort,
		int nodePort, @Nullable String hostname, Map<String, String> zoneAddresses, boolean[] admitted) {

	static Entry of(Service service) {
		return of(service, null, Map.of(), List.of());
	}

	/**
	 * Through the NLB named {@code hostname} (when not {@code null} and the Service is a
	 * LoadBalancer), with its zones' addresses, for {@code clientIps}.
	 */
	static Entry of(Service service, @Nullable String hostname, Map<String, String> zoneAddresses,
			List<String> clientIps) {
		ExternalEntry kind = ExternalEntry.of(service);
		DestinationKind destination = (kind != ExternalEntry.NONE) ? DestinationKind.primaryOf(service) : null;
		int servicePort = service.primaryPort().port();
		String target = service.primaryPort().targetPort();
		String targetPort = (target.isEmpty() || !target.chars().allMatch(Character::isDigit))
				? String.valueOf(servicePort) : target;
		int nodePort = service.primaryPort().nodePort();
		boolean[] admitted = new boolean[clientIps.size()];
		Arrays.fill(admitted, true);
		if (destination == DestinationKind.LOAD_BALANCER_IP) {
			return new Entry(kind, destination, service.loadBalancerIps().get(0), servicePort, targetPort, nodePort,
					null, Map.of(), admitted);
		}
		if (destination == DestinationKind.EXTERNAL_IP) {
			return new Entry(kind, destination, service.externalIps().get(0), servicePort, targetPort, nodePort, null,
					Map.of(), admitted);
		}
		if (hostname != null && kind == ExternalEntry.CLOUD_LOAD_BALANCER && destination == DestinationKind.NODE_PORT) {
			ProxyRules rules = ProxyRules.of(service);
			for (int i = 0; i < admitted.length; i++) {
				IpAddress client = IpAddress.tryParse(clientIps.get(i));
				admitted[i] = rules.sourceRanges().isEmpty() || (client != null && rules.inSourceRanges(client));
			}
			return new Entry(kind, destination, "", servicePort, targetPort, nodePort, hostname,
					Map.copyOf(zoneAddresses), admitted);
		}
		int port = (destination == DestinationKind.NODE_PORT) ? nodePort : servicePort;
		return new Entry(kind, destination, "", port, targetPort, nodePort, null, Map.of(), admitted);
	}

	/** Whether clients can reach the Service at all. */
	boolean reachable() {
		return this.destination != null;
	}

	/**
	 * Whether connections pass a cloud load balancer (otherwise clients reach a node
	 * directly).
	 */
	boolean viaLoadBalancer() {
		return this.kind == ExternalEntry.CLOUD_LOAD_BALANCER;
	}

	/** Whether clients reach the Service through the NLB's hostname. */
	boolean viaHostname() {
		return this.hostname != null;
	}

	/**
	 * The address and port a client's packet carries to reach {@code node}: through the
	 * NLB, its address in the node's zone.
	 */
	String destinationAt(SimNode node) {
		if (this.hostname != null) {
			return this.zoneAddresses.getOrDefault(LoadBalancerAddresses.zoneOf(node.model), "?") + ":" + this.port;
		}
		return (this.destination == DestinationKind.NODE_PORT) ? node.model.internalIp() + ":" + this.port
				: this.address + ":" + this.port;
	}

	/**
	 * The destination a packet carries when it reaches {@code node}: through the cloud
	 * LB, an AWS NLB with instance targets, the node's IP and NodePort (the NLB rewrites
	 * the destination and keeps the client's source); straight from the client,
	 * {@link #destinationAt}.
	 */
	String arrivalAt(SimNode node) {
		return (viaLoadBalancer() && this.nodePort != 0 && this.destination != DestinationKind.LOAD_BALANCER_IP)
				? node.model.internalIp() + ":" + this.nodePort : destinationAt(node);
	}

	/**
	 * How people call the destination; a hostname is named with the load balancer
	 * {@code kind} that publishes it ("the AWS NLB k8s-…", "the AWS Classic ELB a…").
	 */
	String describe(LoadBalancerKind kind) {
		if (this.destination == null) {
			return "nothing";
		}
		if (this.hostname != null) {
			// only the AWS controllers publish a hostname
			return "the AWS " + kind.shortName() + " " + this.hostname + ":" + this.port;
		}
		return switch (this.destination) {
			case LOAD_BALANCER_IP -> "the load-balancer IP " + this.address + ":" + this.port;
			case EXTERNAL_IP -> "the external IP " + this.address + ":" + this.port;
			default -> "NodePort " + this.port;
		};
	}

}
