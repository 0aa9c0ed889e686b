package io.trafficlab.engine.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.trafficlab.engine.balancer.Arrival;
import io.trafficlab.engine.balancer.Dataplane;
import io.trafficlab.engine.balancer.LoadBalancerAddresses;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.balancer.LoadBalancerModel;
import io.trafficlab.engine.model.TrafficPolicy;
import io.trafficlab.engine.net.NetworkModel;
import io.trafficlab.engine.proxy.DestinationKind;
import io.trafficlab.engine.simulation.Hop.Direction;
import io.trafficlab.engine.simulation.SimulationEvent.ConnectionDropped;
import io.trafficlab.engine.simulation.SimulationEvent.ConnectionRejected;
import io.trafficlab.engine.simulation.SimulationEvent.ConnectionRouted;
import org.jspecify.annotations.Nullable;

/**
 * Tells a connection's trip hop by hop, {@code hopLatencyMicros} apart: client, load
 * balancer (an AWS NLB with instance targets: it rewrites the destination to the node's
 * IP and NodePort and keeps the client's source), entry node (DNAT, and SNAT when the
 * rules say so), the pod's node when it is another one, the pod; then the reply back the
 * same way, reverse-NATed by the entry node's conntrack entry and then by the NLB. Only
 * called when a sink wants events.
 */
final class Hops {

	/** The first ephemeral port Linux hands out. */
	private static final int FIRST_EPHEMERAL_PORT = 32768;

	private static final int EPHEMERAL_PORTS = 60999 - FIRST_EPHEMERAL_PORT + 1;

	private final Core core;

	Hops(Core core) {
		this.core = core;
	}

	/**
	 * From the client's first packet to the reply's arrival back at the client: the reply
	 * retraces the request, or with Cilium DSR goes from the pod's node straight to the
	 * client.
	 */
	long duration(boolean podOnEntryNode) {
		int podHop = (this.core.entry().viaLoadBalancer() ? 3 : 2) + (podOnEntryNode ? 0 : 1);
		long hops = directReply() ? podHop + 3L : 2L * podHop + 1;
		return hops * this.core.settings.hopLatencyMicros();
	}

	/**
	 * NLB ip targets: client, load balancer, pod, and the reply back through the load
	 * balancer.
	 */
	long directDuration() {
		return 5L * this.core.settings.hopLatencyMicros();
	}

	/**
	 * An NLB with ip targets sends the connection straight to {@code pod}: no NodePort,
	 * no kube-proxy on the way in; the source is the client's or the NLB's zonal address.
	 */
	ConnectionRouted routedToPod(long id, int client, SimPod pod, int sourceSlot, long completesAt) {
		Trip trip = new Trip(id, client);
		Entry entry = this.core.entry();
		SimNode podNode = Objects.requireNonNull(pod.node, "a routed pod is on a node");
		String destination = entry.destinationAt(podNode);
		String clientAddress = trip.clientAddress();
		String podAddress = pod.ip + ":" + entry.targetPort();
		String seen = SourceSlots.address(this.core, sourceSlot).address();
		boolean kept = sourceSlot < this.core.clients;
		String seenAddress = kept ? clientAddress : seen + ":" + trip.port;
		trip.hop(Direction.REQUEST, trip.clientIp,
				"client " + trip.clientIp + " opens a connection to " + entry.describe(this.core.settings.kind())
						+ " (its DNS name resolves to " + destination + " in " + zoneName(podNode) + ")",
				clientAddress, destination, clientAddress, destination);
		int spread = this.core.podTargets.spreadOver();
		trip.hop(Direction.REQUEST, "lb",
				"the load balancer (an AWS NLB with ip targets) sends it straight to " + pod.name + " " + podAddress
						+ ", one of the " + spread + ((spread == 1) ? " pod" : " pods") + " it spreads over"
						+ crossZone(podNode) + ": no NodePort and no kube-proxy on the way in, so "
						+ "externalTrafficPolicy changes nothing; "
						+ (kept ? "the client's address is kept (preserve_client_ip.enabled)"
								: "client IP preservation is off for ip targets by default, so the source becomes the "
										+ "NLB's private address " + seen),
				clientAddress, destination, seenAddress, podAddress);
		trip.hop(Direction.REQUEST, pod.name, pod.name + " accepts the connection from " + seen, seenAddress,
				podAddress, seenAddress, podAddress);
		trip.hop(Direction.REPLY, pod.name, pod.name + " replies to " + seen, podAddress, seenAddress, podAddress,
				seenAddress);
		trip.hop(Direction.REPLY, "lb", "the load balancer passes the reply back: it comes from " + destination,
				podAddress, seenAddress, destination, clientAddress);
		trip.hop(Direction.REPLY, trip.clientIp, "the client receives the reply", destination, clientAddress,
				destination, clientAddress);
		return new ConnectionRouted(trip.start, id, trip.clientIp, podNode.name, podNode.name, pod.name,
				(pod.ip != null) ? pod.ip : "", seen, trip.hops, completesAt);
	}

	/**
	 * Whether the load balancer is a proxy that opens its own connection to the node (the
	 * Classic ELB), rather than forwarding the client's packets.
	 */
	private boolean proxies() {
		return this.core.spec().arrival() == Arrival.PROXY_TO_NODE_PORT;
	}

	/** The AWS load balancer as the texts call it: "NLB" or "Classic ELB". */
	private String lbName() {
		return this.core.settings.kind().shortName();
	}

	/**
	 * Who turns {@code loadBalancerSourceRanges} into the AWS load balancer's security
	 * group: the AWS Load Balancer Controller for an NLB, the in-tree cloud provider for
	 * the Classic ELB.
	 */
	private String securityGroupOwner() {
		return (this.core.settings.kind() == LoadBalancerKind.AWS_CLB)
				? "the in-tree AWS cloud provider (cloud-provider-aws, through the service controller)"
				: "the AWS Load Balancer Controller";
	}

	private boolean directReply() {
		return this.core.settings.dataplane() == Dataplane.CILIUM_DSR;
	}

	ConnectionRouted routed(long id, int client, SimNode entryNode, SimPod pod, NodeRoute route, boolean affinity,
			long completesAt) {
		Trip trip = new Trip(id, client);
		Entry entry = this.core.entry();
		SimNode podNode = pod.node;
		boolean local = podNode == entryNode;
		String destination = entry.destinationAt(entryNode);
		String arrival = entry.arrivalAt(entryNode);
		String clientAddress = trip.clientAddress();
		String podAddress = pod.ip + ":" + entry.targetPort();
		String seen = SourceSlots
			.address(this.core, SourceSlots.of(this.core, client, entryNode, route.masquerade, local))
			.address();
		boolean snat = this.core.settings.dataplane().rewritesSource(route.masquerade, local);
		String arriving = trip.arrive(entryNode, destination, arrival);
		String seenAddress = snat ? seen + ":" + trip.port : arriving;
		trip.hop(Direction.REQUEST, entryNode.name,
				dnatReason(entryNode, pod, route, affinity, local, seen, arrival, snat), arriving, arrival, seenAddress,
				podAddress);
		if (!local && podNode != null) {
			trip.hop(Direction.REQUEST, podNode.name,
					"routed to " + podNode.name + ", whose pod CIDR " + podNode.model.podCidr() + " holds " + pod.ip,
					seenAddress, podAddress, seenAddress, podAddress);
		}
		trip.hop(Direction.REQUEST, pod.name, pod.name + " accepts the connection from " + seen, seenAddress,
				podAddress, seenAddress, podAddress);
		trip.hop(Direction.REPLY, pod.name, pod.name + " replies to " + seen, podAddress, seenAddress, podAddress,
				seenAddress);
		if (directReply()) {
			String replier = (podNode != null) ? podNode.name : entryNode.name;
			trip.hop(Direction.REPLY, replier,
					"Cilium DSR: " + replier + " sends the reply straight to the client from the service address "
							+ destination + ", not back through " + (local ? "the load balancer" : entryNode.name),
					podAddress, seenAddress, destination, clientAddress);
		}
		else {
			retrace(trip, entryNode, podNode, local, snat, podAddress, seenAddress, arrival, destination, arriving);
		}
		trip.hop(Direction.REPLY, trip.clientIp, "the client receives the reply", destination, clientAddress,
				destination, clientAddress);
		return new ConnectionRouted(trip.start, id, trip.clientIp, entryNode.name,
				(podNode != null) ? podNode.name : "", pod.name, (pod.ip != null) ? pod.ip : "", seen, trip.hops,
				completesAt);
	}

	/**
	 * The reply back the way the request came: the pod's node, the entry node's
	 * conntrack, then the load balancer.
	 */
	private void retrace(Trip trip, SimNode entryNode, @Nullable SimNode podNode, boolean local, boolean snat,
			String podAddress, String seenAddress, String arrival, String destination, String arriving) {
		String clientAddress = trip.clientAddress();
		if (!local && podNode != null) {
			trip.hop(Direction.REPLY, podNode.name,
					"routed back to " + entryNode.name + ", which holds the " + "conntrack entry", podAddress,
					seenAddress, podAddress, seenAddress);
		}
		trip.hop(Direction.REPLY, entryNode.name,
				"conntrack reverses the " + (snat ? "SNAT and DNAT" : "DNAT") + ": the reply comes from " + arrival,
				podAddress, seenAddress, arrival, arriving);
		if (this.core.entry().viaLoadBalancer()) {
			trip.hop(Direction.REPLY, "lb", proxies()
					? "the Classic ELB writes the answer into its own connection with the client: it comes from "
							+ destination
					: arrival.equals(destination) ? "the load balancer passes the reply back"
							: "the load balancer reverses its rewrite: the reply comes from " + destination,
					arrival, arriving, destination, clientAddress);
		}
	}

	private String dnatReason(SimNode node, SimPod pod, NodeRoute route, boolean affinity, boolean local, String seen,
			String arrival, boolean snat) {
		Dataplane dataplane = this.core.settings.dataplane();
		StringBuilder reason = new StringBuilder(dataplane.cilium() ? "Cilium: " : "kube-proxy: ");
		Entry entry = this.core.entry();
		if (entry.viaLoadBalancer() && (entry.viaHostname() || entry.destination() != DestinationKind.NODE_PORT)
				&& !arrival.equals(entry.destinationAt(node))) {
			// the NodePort rule enters the same external chain as an LB IP would (R1),
			// so the sets are the same
			reason.append("the NodePort rule for ").append(arrival).append(" matches; ");
		}
		int candidates = route.pods.length;
		reason.append(Objects.requireNonNull(route.set, "a DNAT route comes from a set").apiName())
			.append(" set (")
			.append(candidates)
			.append((candidates == 1) ? " endpoint" : " endpoints");
		if (route.terminatingFallback) {
			reason.append(", all serving-terminating: ")
				.append((route.set == TrafficPolicy.LOCAL) ? "R4" : "R3")
				.append(" fallback");
		}
		reason.append("): DNAT to ").append(pod.name).append(' ').append(pod.ip);
		if (!local && pod.node != null) {
			reason.append(" on ").append(pod.node.name);
		}
		if (affinity) {
			reason.append(", the same pod as this client's last connection (ClientIP affinity, R12)");
		}
		if (snat && dataplane == Dataplane.CILIUM_SNAT) {
			reason.append("; Cluster and a backend on another node: SNAT to ")
				.append(seen)
				.append(", ")
				.append(node.name)
				.append("'s InternalIP (Cilium's loadBalancer.mode=snat)");
		}
		else if (snat) {
			reason.append("; externalTrafficPolicy Cluster marks it for SNAT (R8), MASQUERADE to ")
				.append(seen)
				.append(whoseSnatAddress(node, local));
		}
		else if (route.masquerade && dataplane == Dataplane.CILIUM_DSR) {
			reason.append("; Cilium DSR never SNATs: the pod sees the client's address and replies to it directly");
		}
		else if (route.masquerade) {
			reason.append("; Cilium SNATs only for a backend on another node: the pod sees the client's address");
		}
		else if (SourceSlots.proxiedFrom(this.core, node) != null) {
			reason.append("; no SNAT: the pod sees the ")
				.append(proxies() ? "Classic ELB's address " : "NLB's private address ")
				.append(seen)
				.append(", not the client's (R8)");
		}
		else {
			reason.append("; no SNAT: the pod sees the client's address (R8)");
		}
		return reason.toString();
	}

	SimulationEvent failed(long id, int client, @Nullable SimNode node, DropReason why, @Nullable NodeRoute route,
			int podSlot) {
		Trip trip = new Trip(id, client);
		String reason = (node != null) ? sentence(node, why, podSlot) : lbSentence(why, podSlot);
		String at = (node != null) ? node.name : "lb";
		if (node != null) {
			String destination = this.core.entry().destinationAt(node);
			String arrival = this.core.entry().arrivalAt(node);
			trip.arrive(node, destination, arrival);
			trip.hop(Direction.REQUEST, node.name, (why.reject ? "REJECT: " : "DROP: ") + reason, trip.clientAddress(),
					arrival, trip.clientAddress(), arrival);
			if (why.reject) {
				trip.hop(Direction.REPLY, trip.clientIp, "the client gets \"connection refused\" at once", destination,
						trip.clientAddress(), destination, trip.clientAddress());
			}
		}
		else {
			String lb = this.core.entry().describe(this.core.settings.kind());
			trip.hop(Direction.REQUEST, trip.clientIp, "client " + trip.clientIp + " opens a connection to " + lb,
					trip.clientAddress(), lb, trip.clientAddress(), lb);
		}
		return why.reject ? new ConnectionRejected(trip.start, id, trip.clientIp, at, reason, trip.hops)
				: new ConnectionDropped(trip.start, id, trip.clientIp, at, reason, trip.hops);
	}

	/** Why a connection that reached no node failed, in plain words. */
	private String lbSentence(DropReason why, int podSlot) {
		return switch (why) {
			case SECURITY_GROUP -> "the client is outside loadBalancerSourceRanges of " + this.core.world.followed
					+ ", which " + securityGroupOwner() + " makes the " + lbName() + "'s security-group rules, so the "
					+ lbName() + " drops it and the client times out";
			case NO_ANNOUNCER -> noAnnouncerSentence();
			case NO_ROUTE -> noRouteSentence();
			case POD_TARGET_DEAD -> deadPodTargetSentence(this.core.world.pods.get(podSlot));
			case APP_EXITED -> exitedSentence("the NLB sends it straight to", this.core.world.pods.get(podSlot));
			case LB_CLOSED, LB_NO_HEALTHY -> noHealthySentence(why);
			default -> "the load balancer has no targets to send the connection to, so it goes nowhere and "
					+ "the client times out";
		};
	}

	/** The reason in plain words, with what the load balancer believes about the node. */
	String sentence(SimNode node, DropReason why, int podSlot) {
		String service = this.core.world.followed.toString();
		return switch (why) {
			case NODE_GONE ->
				node.name + " is gone (killed at " + Times.format(node.goneAt) + ") and " + loadBalancerView(node);
			case NOT_PROGRAMMED -> "kube-proxy on " + node.name + " has not programmed " + service + " yet, so "
					+ "nothing on " + node.name + " answers, and " + loadBalancerView(node);
			case NO_LOCAL_ENDPOINT ->
				node.name + " has no local endpoint for " + service + " and " + loadBalancerView(node);
			case SOURCE_RANGES -> "the client is outside loadBalancerSourceRanges of " + service + " (R13)";
			case STALE_ENDPOINT -> staleSentence(node, podSlot);
			case APP_EXITED ->
				exitedSentence("kube-proxy on " + node.name + " still DNATs it to", this.core.world.pods.get(podSlot));
			case DEAD_NODE_ENDPOINT -> NodeLifecycle.deadEndpointSentence(node, this.core.world.pods.get(podSlot));
			case EMPTY_SET -> node.name + "'s rules for " + service + " have no endpoint to send it to";
			case NO_ENDPOINTS -> service + " has no ready or serving-terminating endpoint anywhere, so kube-proxy on "
					+ node.name + " rejects the connection (R10)";
			case NO_TARGETS -> "the load balancer has no targets";
			case NO_ROUTE -> noRouteSentence();
			case BGP_HOLD -> node.name + " is gone (killed at " + Times.format(node.goneAt) + "), but its BGP "
					+ "session is still up as far as the router knows: it keeps the route through " + node.name
					+ " until the hold time (" + Times.format(BgpAdvertiser.HOLD_TIME_MICROS) + ") expires, so the "
					+ "connection is lost";
			case NO_ANNOUNCER -> noAnnouncerSentence();
			case POD_TARGET_DEAD -> deadPodTargetSentence(this.core.world.pods.get(podSlot));
			case LB_CLOSED, LB_NO_HEALTHY -> noHealthySentence(why);
			case SECURITY_GROUP -> "the " + lbName() + "'s security group drops it (loadBalancerSourceRanges)";
		};
	}

	private String staleSentence(SimNode node, int podSlot) {
		SimPod pod = this.core.world.pods.get(podSlot);
		NodeRules rules = node.rules;
		String synced = (rules != null) ? Times.format(rules.syncedAt) : "?";
		return "kube-proxy on " + node.name + " still DNATs to " + pod.name + " (" + pod.ip + "), which is gone: its "
				+ "rules date from " + synced + " and it has not synced since, so the packet is lost";
	}

	private static String exitedSentence(String sender, SimPod pod) {
		return sender + " " + pod.name + " (" + pod.ip + "), which is terminating and whose app has exited: "
				+ "nothing listens on its port any more, so its kernel answers with a RST and the client gets "
				+ "\"connection refused\"";
	}

	private String deadPodTargetSentence(SimPod pod) {
		String node = (pod.node != null) ? pod.node.name : "its node";
		int threshold = this.core.balancer.probeSettings().unhealthyThreshold();
		return "the NLB sends it straight to " + pod.name + " (" + pod.ip + "), whose node " + node + " is dead, so "
				+ "nothing answers and the client times out; the load balancer has not yet marked the pod unhealthy ("
				+ this.core.podTargets.failedInARow(pod) + " of " + threshold + " failed probes)";
	}

	private String noHealthySentence(DropReason why) {
		int threshold = this.core.balancer.probeSettings().unhealthyThreshold();
		return (why == DropReason.LB_CLOSED)
				? "no instance is InService (each failed " + threshold + " health checks in a row): the Classic ELB, "
						+ "a proxy, has accepted the client's connection but has nowhere to open its own, so it "
						+ "closes it"
				: "every backend has failed " + threshold + " health probes in a row, and Azure's load balancer sends "
						+ "no new flows when all are probed down (it does not fail open), so the client times out";
	}

	private static String noRouteSentence() {
		return "no node advertises " + L2Announcer.LB_IP + " over BGP (no speaker's node has an endpoint that can "
				+ "serve), so the router has no route and the client times out";
	}

	private static String noAnnouncerSentence() {
		return "nothing answers ARP for " + L2Announcer.LB_IP + ": MetalLB has no candidate node to announce it (no "
				+ "speaker node hosts an endpoint that can serve), so the client times out";
	}

	/**
	 * What the LB believes about the node: "the load balancer has not yet marked it
	 * unhealthy (1 of 2 ...)".
	 */
	String loadBalancerView(SimNode node) {
		if (this.core.balancer.noLoadBalancer()) {
			return "clients reach every node directly (no cloud load balancer)";
		}
		if (this.core.balancer.advertises()) {
			return "the router still has a route through it";
		}
		if (this.core.balancer.announces()) {
			return "it still answers ARP for " + L2Announcer.LB_IP
					+ " as far as the clients know (MetalLB moves the announcement once the speakers see the change)";
		}
		if (this.core.balancer.failingOpen()) {
			return "no node passes the load balancer's health check, so it fails open and sends connections to "
					+ "every node";
		}
		int threshold = this.core.balancer.probeSettings().unhealthyThreshold();
		int failed = node.lastProbePassed ? 0 : node.consecutive;
		return "the load balancer has not yet marked it unhealthy (" + failed + " of " + threshold + " failed probes)";
	}

	private static String zoneName(SimNode node) {
		String zone = LoadBalancerAddresses.zoneOf(node.model);
		return zone.isEmpty() ? "the nodes without a zone" : node.name + "'s zone " + zone;
	}

	private String crossZone(SimNode node) {
		boolean nlb = this.core.settings.kind() != LoadBalancerKind.AWS_CLB;
		if (!this.core.entry().viaHostname() || this.core.spec().crossZone()
				|| (nlb && this.core.loadBalancerModel() != LoadBalancerModel.EVEN)) {
			return "";
		}
		return ", in the zone the client's DNS answer picked (cross-zone load balancing is off)";
	}

	/** One trip's hops, with the times {@code hopLatencyMicros} apart. */
	private final class Trip {

		final List<Hop> hops = new ArrayList<>(10);

		final long start;

		final String clientIp;

		final int port;

		private long time;

		Trip(long id, int client) {
			this.start = Hops.this.core.now();
			this.time = this.start;
			this.clientIp = Hops.this.core.clientIps.get(client);
			this.port = FIRST_EPHEMERAL_PORT + (int) (id % EPHEMERAL_PORTS);
		}

		String clientAddress() {
			return this.clientIp + ":" + this.port;
		}

		/**
		 * The client's packet and, through a cloud LB, the LB's hop, up to the entry
		 * node; returns the source address the packet reaches the node with (the
		 * client's, or a proxy's own).
		 */
		String arrive(SimNode node, String destination, String arrival) {
			Entry entry = Hops.this.core.entry();
			String proxy = SourceSlots.proxiedFrom(Hops.this.core, node);
			if (proxy != null && proxies()) {
				String from = proxy + ":" + this.port;
				hop(Direction.REQUEST, this.clientIp,
						"client " + this.clientIp + " opens a connection to the Classic ELB " + entry.hostname() + ":"
								+ entry.port() + " (its DNS name resolves to " + destination + " in " + zoneName(node)
								+ ")",
						clientAddress(), destination, clientAddress(), destination);
				int spread = Hops.this.core.balancer.spreadOver();
				hop(Direction.REQUEST, "lb", "the Classic ELB is a proxy: it accepts the client's connection and opens "
						+ "its own from its address " + proxy + " to " + node.name + ", one of the " + spread
						+ ((spread == 1) ? " node" : " nodes") + " it spreads over" + crossZone(node)
						+ ", at its NodePort " + arrival + ": two connections, and the client's address stays behind",
						clientAddress(), destination, from, arrival);
				return from;
			}
			boolean nodePort = entry.destination() == DestinationKind.NODE_PORT && !entry.viaHostname();
			String target = entry.viaHostname()
					? entry.describe(Hops.this.core.settings.kind()) + " (its DNS name resolves to " + destination
							+ " in " + zoneName(node) + ")"
					: !nodePort ? entry.describe(Hops.this.core.settings.kind())
							: entry.viaLoadBalancer() ? "the load balancer, which forwards to NodePort " + entry.port()
									: "NodePort " + entry.port() + " on " + node.name;
			if (Hops.this.core.balancer.announces()) {
				target += " (" + node.name + " answers ARP for it: MetalLB in layer-2 mode announces it there)";
			}
			if (Hops.this.core.balancer.advertises()) {
				int routes = Hops.this.core.balancer.spreadOver();
				target += " (the router's ECMP sends it to " + node.name + ", one of the " + routes
						+ ((routes == 1) ? " node" : " nodes") + " that advertise a route to it over BGP)";
			}
			hop(Direction.REQUEST, this.clientIp, "client " + this.clientIp + " opens a connection to " + target,
					clientAddress(), destination, clientAddress(), destination);
			// an NLB without client-IP preservation is no proxy: it rewrites the source
			// too
			String from = (proxy != null) ? proxy + ":" + this.port : clientAddress();
			if (entry.viaLoadBalancer() && !Hops.this.core.balancer.announces()
					&& !Hops.this.core.balancer.advertises()) {
				int spread = Hops.this.core.balancer.spreadOver();
				String among = ", one of the " + spread + ((spread == 1) ? " node" : " nodes") + " it spreads over";
				hop(Direction.REQUEST, "lb", nodePort
						? "the load balancer sends it to " + node.name + among + ", at its NodePort " + destination
								+ " (the Service has no load-balancer IP)"
						: arrival.equals(destination)
								? "the load balancer sends it to " + node.name + among + ", unchanged"
								: "the load balancer (an AWS NLB with instance targets) sends it to " + node.name
										+ among + crossZone(node) + ": the destination becomes its NodePort " + arrival
										+ ((proxy == null) ? ", the client's address is kept (client IP preservation)"
												: ", and the source becomes the NLB's private address " + proxy
														+ " (preserve_client_ip.enabled is false)"),
						clientAddress(), destination, from, arrival);
			}
			return from;
		}

		void hop(Direction direction, String at, String reason, String srcBefore, String dstBefore, String srcAfter,
				String dstAfter) {
			this.hops.add(new Hop(this.time, direction, at, reason, srcBefore, dstBefore, srcAfter, dstAfter));
			this.time += Hops.this.core.settings.hopLatencyMicros();
		}

	}

	/** Whose address MASQUERADE gave, as the pod network decides (R15). */
	private String whoseSnatAddress(SimNode node, boolean local) {
		NetworkModel network = this.core.settings.network();
		if (local) {
			return network.bridgeOnNode() ? ", the pod bridge (R15)" : ", " + node.name
					+ "'s InternalIP: the pod's veth has no address (R15, " + network.apiName() + " network)";
		}
		return network.tunnelAcrossNodes()
				? ", " + node.name + "'s flannel.1 address (R15, " + network.apiName() + " network)"
				: ", " + node.name + "'s InternalIP (R15)";
	}

}
