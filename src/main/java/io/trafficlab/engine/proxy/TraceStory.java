package io.trafficlab.engine.proxy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.trafficlab.engine.endpoint.CategorizedEndpoints;
import io.trafficlab.engine.endpoint.EndpointSet;
import io.trafficlab.engine.net.Cidr;
import io.trafficlab.engine.net.IpAddress;
import io.trafficlab.engine.endpoint.TopologyMode;
import io.trafficlab.engine.model.Endpoint;
import io.trafficlab.engine.model.Node;
import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.model.ServicePort;
import io.trafficlab.engine.model.SessionAffinity;
import io.trafficlab.engine.net.NetworkModel;
import io.trafficlab.engine.proxy.PacketTracer.Destination;
import org.jspecify.annotations.Nullable;

/**
 * Tells a traced packet's path for people: the hops with the headers after each rewrite,
 * and the reasons. When several endpoints are candidates, the DNAT hop shows
 * {@code <endpoint>} rather than picking one, since the choice is random per connection.
 */
final class TraceStory {

	private static final String ANY_ENDPOINT = "<endpoint>";

	private static final int MAX_PROBABILITIES_LISTED = 8;

	private final Service service;

	private final Node node;

	private final SourceClass from;

	private final Destination destination;

	private final PacketFacts facts;

	private final @Nullable Cidr detector;

	private final CategorizedEndpoints sets;

	private final ProxyRules rules;

	private final Route route;

	private final Map<String, String> seen;

	private final boolean defaultSource;

	private final NetworkModel network;

	private final List<TraceHop> hops = new ArrayList<>();

	private final List<String> why = new ArrayList<>();

	private String src;

	private String dst;

	TraceStory(Service service, Node node, SourceClass from, Destination destination, PacketFacts facts,
			@Nullable Cidr detector, CategorizedEndpoints sets, ProxyRules rules, Route route, Map<String, String> seen,
			boolean defaultSource, NetworkModel network) {
		this.service = service;
		this.node = node;
		this.from = from;
		this.destination = destination;
		this.facts = facts;
		this.detector = detector;
		this.sets = sets;
		this.rules = rules;
		this.route = route;
		this.seen = seen;
		this.defaultSource = defaultSource;
		this.network = network;
		this.src = facts.sourceIp() + ":" + PacketTracer.CLIENT_PORT;
		this.dst = destination.hostPort();
		tell();
	}

	List<TraceHop> hops() {
		return Collections.unmodifiableList(this.hops);
	}

	List<String> why() {
		return Collections.unmodifiableList(this.why);
	}

	private void tell() {
		origin();
		firewall();
		decision();
		if (this.route.verdict() == Verdict.DNAT) {
			delivery();
		}
		notes();
	}

	private void origin() {
		String source = this.facts.sourceIp();
		switch (this.from) {
			case EXTERNAL -> hop("client",
					"new connection from external client " + source + " to " + this.destination.description());
			case POD -> hop("pod", "new connection from pod " + source + " to " + this.destination.description());
			case NODE -> hop(name(), "new connection from a host-network process on " + name() + " (" + source + ") to "
					+ this.destination.description());
		}
		if (this.from == SourceClass.EXTERNAL && this.destination.kind() == DestinationKind.LOAD_BALANCER_IP) {
			hop("lb", "the cloud load balancer passes the packet to " + name()
					+ " unchanged (VIP mode: the destination stays the LB IP)");
		}
		if (this.defaultSource && this.from == SourceClass.POD) {
			say("The pod source defaults to " + source + ", an address in " + name() + "'s pod CIDR "
					+ this.node.podCidr() + " that is not an endpoint of " + svc() + ".");
		}
	}

	private void firewall() {
		DestinationKind to = this.destination.kind();
		String ranges = String.join(", ", this.service.loadBalancerSourceRanges());
		if (this.rules.sourceRangesApply(to) && !this.rules.firewallApplies(this.sets.hasAnyEndpoints(), to)) {
			hop(name(), "KUBE-PROXY-FIREWALL: no rule for " + svc() + ": the iptables proxier writes the "
					+ "loadBalancerSourceRanges filter only for a Service with endpoints");
		}
		else if (this.rules.sourceRangesApply(to)) {
			boolean allowed = this.route.decision() != Decision.DROP_SOURCE_RANGES;
			hop(name(),
					"KUBE-PROXY-FIREWALL (nftables firewall-check): loadBalancerSourceRanges " + ranges + " " + (allowed
							? "allow " + this.facts.sourceIp() : "do not include " + this.facts.sourceIp() + ": DROP"));
			if (allowed) {
				say(this.destination.address() + " accepts only sources in loadBalancerSourceRanges (" + ranges + "); "
						+ this.facts.sourceIp() + " is allowed.");
			}
			else {
				say(this.destination.address() + " accepts only sources in loadBalancerSourceRanges (" + ranges + "); "
						+ this.facts.sourceIp() + " is outside them, so kube-proxy drops the packet"
						+ (this.facts.podSource() ? " (pods included)" : "") + " and the client times out.");
			}
		}
		else if (!this.service.loadBalancerSourceRanges().isEmpty() && to == DestinationKind.NODE_PORT) {
			say("loadBalancerSourceRanges (" + ranges + ") apply only to the load-balancer IP, not to NodePorts, "
					+ "so this packet is not filtered.");
		}
	}

	private void decision() {
		switch (this.route.decision()) {
			case DROP_SOURCE_RANGES -> {
			}
			case REJECT_NO_ENDPOINTS -> {
				hop(name(), filterChain() + ": \"" + servicePortName() + " has no endpoints\" → REJECT");
				say(svc() + " has no ready or serving-terminating endpoints anywhere, so kube-proxy rejects the "
						+ "connection at once (connection refused).");
			}
			case DROP_NO_LOCAL_INTERNAL -> {
				hop(name(), "KUBE-SERVICES (filter): \"" + servicePortName() + " has no local endpoints\" → DROP");
				say("internalTrafficPolicy is Local and " + name() + " has no local endpoint for " + svc()
						+ ", so kube-proxy drops traffic to the ClusterIP (the client times out).");
			}
			case DROP_NO_LOCAL_EXTERNAL -> dropNoLocalExternal();
			case CLUSTER_IP_TO_CLUSTER -> {
				hop(name(), "KUBE-SERVICES: " + this.destination.hostPort()
						+ " → KUBE-SVC (internalTrafficPolicy Cluster)" + internalMasqueradeMark());
				say("Traffic to the ClusterIP uses " + name() + "'s Cluster set (internalTrafficPolicy Cluster): "
						+ count(candidates().size(), "endpoint") + ".");
				topology();
				internalMasquerade();
			}
			case CLUSTER_IP_TO_LOCAL -> {
				hop(name(), "KUBE-SERVICES: " + this.destination.hostPort()
						+ " → KUBE-SVL (internalTrafficPolicy Local)" + internalMasqueradeMark());
				say("internalTrafficPolicy is Local, so traffic to the ClusterIP uses only " + name() + "'s "
						+ localDescription() + ".");
				internalMasquerade();
			}
			case EXTERNAL_CLUSTER -> {
				hop(name(), entry() + "KUBE-EXT: externalTrafficPolicy Cluster → KUBE-MARK-MASQ, then KUBE-SVC");
				say("externalTrafficPolicy is Cluster, so kube-proxy masquerades every packet to an external "
						+ "destination (pods and same-node endpoints included) and picks among "
						+ all(candidates().size(), "cluster endpoint") + "; the endpoint sees a node address "
						+ "instead of " + this.facts.sourceIp() + ".");
				topology();
			}
			case EXTERNAL_LOCAL -> {
				hop(name(), entry() + "KUBE-EXT: externalTrafficPolicy Local, " + sourceKind() + " → KUBE-SVL");
				externalLocal();
			}
			case EXTERNAL_POD_SHORT_CIRCUIT -> {
				hop(name(), entry() + "KUBE-EXT: externalTrafficPolicy Local, pod source (inside " + this.detector
						+ ") → short-circuit to KUBE-SVC, no SNAT");
				say("The source " + this.facts.sourceIp() + " is inside the cluster CIDR " + this.detector
						+ ", so kube-proxy treats it as a pod and short-circuits it to "
						+ all(candidates().size(), "cluster endpoint") + " without SNAT, as if it had gone out to "
						+ "the load balancer and come back; the endpoint sees the pod's own address.");
				topology();
			}
			case EXTERNAL_NODE_SHORT_CIRCUIT -> {
				hop(name(), entry() + "KUBE-EXT: externalTrafficPolicy Local, source is local to " + name()
						+ " → KUBE-MARK-MASQ, then KUBE-SVC");
				say("The source " + this.facts.sourceIp() + " is an address of " + name()
						+ " itself (a host-network process), so kube-proxy masquerades it and sends it to "
						+ all(candidates().size(), "cluster endpoint") + ".");
				topology();
			}
		}
	}

	private void dropNoLocalExternal() {
		hop(name(), entry() + "KUBE-EXT: externalTrafficPolicy Local, " + sourceKind()
				+ "; KUBE-EXTERNAL-SERVICES (filter): \"" + servicePortName() + " has no local endpoints\" → DROP");
		say(name() + " has no local endpoint for " + svc()
				+ ", so kube-proxy drops external traffic (the client times out).");
		say("It is a DROP and not a REJECT because " + svc() + " still has endpoints on other nodes.");
		if (this.from == SourceClass.POD) {
			if (this.detector == null) {
				say("Without a local-traffic detector (clusterCidr none) kube-proxy cannot recognise the pod, so "
						+ "it is not short-circuited to the endpoints on other nodes.");
			}
			else {
				say("The source " + this.facts.sourceIp() + " is outside the cluster CIDR " + this.detector
						+ ", so kube-proxy does not treat it as a pod and does not short-circuit it.");
			}
		}
		if (this.service.needsHealthCheck() && this.service.healthCheckNodePort() != 0) {
			say(PacketTracer.LOAD_BALANCER_AVOIDS + name() + ": its health check on port "
					+ this.service.healthCheckNodePort() + " answers 503 (localEndpoints 0).");
		}
		ipvs(name() + " would instead send the traffic to all cluster endpoints without SNAT; the replies carry the "
				+ "pod's address and are discarded, so the client sees a broken connection rather than a clean "
				+ "timeout.");
	}

	private void externalLocal() {
		EndpointSet local = candidates();
		if (this.sets.localUsesTerminating()) {
			say(name() + " has no ready local endpoint but " + count(local.size(), "serving-terminating one")
					+ ", so external traffic that still arrives is drained to it and keeps its source address"
					+ ((this.service.needsHealthCheck() && this.service.healthCheckNodePort() != 0)
							? "; the health check already answers 503 because terminating endpoints are not counted."
							: "."));
		}
		else {
			say(name() + " has " + count(local.size(), "ready local endpoint") + ", so external traffic stays on "
					+ name() + " and keeps its source address.");
		}
		if (this.from == SourceClass.EXTERNAL && this.destination.kind() == DestinationKind.LOAD_BALANCER_IP) {
			say("The pod sees the client's own address only because the load balancer passes packets through "
					+ "unchanged; a proxying load balancer would show its own address instead.");
		}
		if (this.from == SourceClass.POD && this.detector == null) {
			say("Without a local-traffic detector (clusterCidr none) kube-proxy cannot recognise the pod, so there "
					+ "is no short-circuit: the pod gets only " + name() + "'s local endpoints.");
		}
		else if (this.from == SourceClass.POD) {
			say("The source " + this.facts.sourceIp() + " is outside the cluster CIDR " + this.detector
					+ ", so kube-proxy does not treat it as a pod.");
		}
	}

	private void topology() {
		EndpointSet cluster = this.sets.cluster();
		if (cluster == null) {
			return;
		}
		if (this.sets.topologyMode() == TopologyMode.PREFER_SAME_ZONE) {
			say("Every ready endpoint of " + svc() + " carries a zone hint and some are hinted for zone "
					+ this.node.zone() + ", so " + name() + "'s Cluster set holds only the "
					+ count(cluster.size(), "endpoint") + " hinted for that zone.");
		}
		else if (this.sets.topologyMode() == TopologyMode.PREFER_SAME_NODE) {
			say("Every ready endpoint of " + svc() + " carries a node hint and some are hinted for " + name() + ", so "
					+ name() + "'s Cluster set holds only the " + count(cluster.size(), "endpoint")
					+ " hinted for it.");
		}
		if (this.sets.clusterUsesTerminating()) {
			say("No endpoint of " + svc() + " is ready anywhere, so the Cluster set falls back to "
					+ all(cluster.size(), "serving-terminating endpoint") + ".");
		}
	}

	private String internalMasqueradeMark() {
		return this.route.masquerade() ? ", KUBE-MARK-MASQ" : "";
	}

	private void internalMasquerade() {
		if (this.facts.masqueradeAll()) {
			say("kube-proxy runs with --masquerade-all, so it masquerades all ClusterIP traffic.");
		}
		else if (this.detector == null) {
			say("There is no local-traffic detector (clusterCidr none), so kube-proxy does not masquerade ClusterIP "
					+ "traffic: the endpoint sees " + this.facts.sourceIp() + ".");
		}
		else if (this.facts.podSource()) {
			say("The source is a pod (inside " + this.detector
					+ "), so pod-to-ClusterIP traffic keeps its source address.");
		}
		else {
			say("The source " + this.facts.sourceIp() + " is outside the cluster CIDR " + this.detector
					+ ", so kube-proxy masquerades it (off-cluster traffic to a ClusterIP may have to leave the "
					+ "node again).");
		}
	}

	private void delivery() {
		EndpointSet candidates = candidates();
		String chain = usesLocalChain() ? "KUBE-SVL" : "KUBE-SVC";
		int n = candidates.size();
		hop(name(), chain + ((n == 1) ? ": the only endpoint"
				: ": picks one of " + n + " endpoints at random (1/" + n + " each)"));
		Endpoint only = (n == 1) ? candidates.endpoints().get(0) : null;
		this.dst = ((only != null) ? only.ip() : ANY_ENDPOINT) + ":" + targetPort();
		List<String> hairpins = hairpins();
		boolean hairpin = only != null && hairpins.contains(only.ip());
		hop(name(), "KUBE-SEP: " + (hairpin ? "source is this endpoint (hairpin) → KUBE-MARK-MASQ; " : "") + "DNAT to "
				+ this.dst);
		boolean snat = this.route.masquerade() || hairpin;
		if (snat) {
			String address = snatAddress(candidates);
			this.src = address + ":" + PacketTracer.CLIENT_PORT;
			hop(name(), "KUBE-POSTROUTING: MASQUERADE to " + address
					+ " (the address of the interface toward the endpoint; --random-fully may also change the port)");
		}
		String at = (only != null && only.nodeName() != null) ? only.nodeName() : "<endpoint's node>";
		String sees = (only != null) ? this.seen.get(only.ip()) : describeSeen();
		hop(at, "delivered to " + ((only != null) ? only.ip() : "the chosen endpoint") + ", which sees source " + sees);
		if (this.route.masquerade()) {
			snatWhy(candidates);
		}
		for (String ip : hairpins) {
			say("The source " + ip + " is itself one of the endpoints: if the connection lands on it, kube-proxy "
					+ "masquerades it (hairpin), so it sees " + this.seen.get(ip) + ".");
		}
		if (n > 1) {
			selectionWhy(n);
		}
	}

	private void snatWhy(EndpointSet candidates) {
		boolean anyLocal = false;
		boolean anyRemote = false;
		for (Endpoint endpoint : candidates.endpoints()) {
			if (endpoint.isLocalTo(name())) {
				anyLocal = true;
			}
			else {
				anyRemote = true;
			}
		}
		List<String> parts = new ArrayList<>();
		if (anyLocal) {
			SourceAddress local = ProxyRules.masquerade(this.node, true, this.network);
			parts.add(
					"endpoints on " + name() + " see "
							+ (this.network.bridgeOnNode() ? "its bridge gateway "
									: "its InternalIP (the pods' host-side veths carry no address) ")
							+ local.address());
		}
		if (anyRemote) {
			SourceAddress remote = ProxyRules.masquerade(this.node, false, this.network);
			parts.add("endpoints on other nodes see " + name() + "'s "
					+ (this.network.tunnelAcrossNodes() ? "flannel.1 address " : "InternalIP ") + remote.address());
		}
		String text = String.join("; ", parts);
		say("After SNAT, " + text + " (MASQUERADE uses the address of the interface toward the endpoint; network: "
				+ this.network.label() + ").");
	}

	private void selectionWhy(int n) {
		StringBuilder text = new StringBuilder(
				"Each new connection picks one of the " + n + " endpoints uniformly at random (1/" + n + " each); ");
		if (n <= MAX_PROBABILITIES_LISTED) {
			List<String> probabilities = new ArrayList<>();
			for (int i = 0; i < n - 1; i++) {
				probabilities.add(PacketTracer.probability(n - i));
			}
			text.append("iptables tries rules with probability ")
				.append(String.join(", ", probabilities))
				.append(", then the last one unconditionally; ");
		}
		text.append("nftables uses numgen random mod ")
			.append(n)
			.append(". conntrack keeps the choice for the connection's life.");
		say(text.toString());
	}

	private void notes() {
		if (this.route.verdict() == Verdict.DNAT && this.service.sessionAffinity() == SessionAffinity.CLIENT_IP) {
			say("sessionAffinity is ClientIP: " + name() + " sends later connections from " + this.facts.sourceIp()
					+ " (the source as received on " + name() + ", before any SNAT) to the same endpoint for "
					+ this.service.sessionAffinityTimeoutSeconds() + " s; this memory lives in " + name()
					+ "'s kernel only, so another node may choose a different endpoint.");
		}
		if (this.route.decision() == Decision.EXTERNAL_POD_SHORT_CIRCUIT && this.sets.local() != null
				&& !this.sets.local().isEmpty()) {
			ipvs("pods get only " + name() + "'s local endpoints when it has some; there is no short-circuit to "
					+ "all endpoints.");
		}
		if (this.route.verdict() == Verdict.DNAT && candidates().size() > 1) {
			ipvs("endpoints are picked round robin per new connection (scheduler rr), not at random.");
		}
	}

	private void ipvs(String difference) {
		this.why.add("ipvs mode (deprecated since v1.35) differs: " + difference);
	}

	private boolean usesLocalChain() {
		Decision decision = this.route.decision();
		return decision == Decision.EXTERNAL_LOCAL || decision == Decision.CLUSTER_IP_TO_LOCAL;
	}

	private List<String> hairpins() {
		List<String> result = new ArrayList<>();
		IpAddress source = IpAddress.tryParse(this.facts.sourceIp());
		if (this.route.masquerade() || source == null) {
			return result;
		}
		EndpointSet candidates = this.route.endpoints();
		if (candidates != null) {
			for (Endpoint endpoint : candidates.endpoints()) {
				if (ProxyRules.hairpin(source, endpoint) && !result.contains(endpoint.ip())) {
					result.add(endpoint.ip());
				}
			}
		}
		return result;
	}

	private String snatAddress(EndpointSet candidates) {
		Set<String> addresses = new LinkedHashSet<>();
		for (Endpoint endpoint : candidates.endpoints()) {
			addresses.add(ProxyRules.masqueradeAddress(this.node, endpoint, this.network));
		}
		return (addresses.size() == 1) ? addresses.iterator().next() : "<" + String.join(" or ", addresses) + ">";
	}

	private String describeSeen() {
		Set<String> sources = new LinkedHashSet<>(this.seen.values());
		return (sources.size() == 1) ? sources.iterator().next() : String.join(" or ", sources);
	}

	private EndpointSet candidates() {
		EndpointSet set = this.route.endpoints();
		return (set != null) ? set : EndpointSet.empty();
	}

	private String localDescription() {
		int n = candidates().size();
		return this.sets.localUsesTerminating() ? count(n, "serving-terminating local endpoint")
				: count(n, "ready local endpoint");
	}

	private String entry() {
		return switch (this.destination.kind()) {
			case NODE_PORT -> "KUBE-NODEPORTS → ";
			case LOAD_BALANCER_IP, EXTERNAL_IP -> "KUBE-SERVICES → ";
			case CLUSTER_IP -> "";
		};
	}

	private String filterChain() {
		return (this.destination.kind() == DestinationKind.CLUSTER_IP) ? "KUBE-SERVICES (filter)"
				: "KUBE-EXTERNAL-SERVICES (filter)";
	}

	private String sourceKind() {
		if (this.facts.nodeLocalSource()) {
			return "source local to " + name();
		}
		return (this.from == SourceClass.POD) ? "source not recognised as a pod" : "external source";
	}

	private String targetPort() {
		ServicePort port = this.service.primaryPort();
		String target = port.targetPort();
		if (target.isBlank()) {
			return Integer.toString(port.port());
		}
		return target.chars().allMatch(Character::isDigit) ? target : "<" + target + ">";
	}

	private String servicePortName() {
		String portName = this.service.primaryPort().name();
		return svc() + (portName.isEmpty() ? "" : ":" + portName);
	}

	private String svc() {
		return this.service.ref().toString();
	}

	private String name() {
		return this.node.name();
	}

	private void hop(String at, String step) {
		this.hops.add(new TraceHop(at, step, this.src, this.dst));
	}

	private void say(String sentence) {
		this.why.add(sentence);
	}

	/** "the only endpoint" or "all 4 endpoints". */
	static String all(int n, String noun) {
		return (n == 1) ? "the only " + noun : "all " + n + " " + noun + "s";
	}

	static String count(int n, String noun) {
		return n + " " + noun + ((n == 1) ? "" : "s");
	}

}
