package io.trafficlab.engine.rules.nftables;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.trafficlab.engine.endpoint.CategorizedEndpoints;
import io.trafficlab.engine.endpoint.EndpointSet;
import io.trafficlab.engine.model.Endpoint;
import io.trafficlab.engine.model.Node;
import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.model.ServicePort;
import io.trafficlab.engine.model.ServiceType;
import io.trafficlab.engine.model.SessionAffinity;
import io.trafficlab.engine.net.Cidr;
import io.trafficlab.engine.net.IpAddress;
import io.trafficlab.engine.proxy.DestinationKind;
import io.trafficlab.engine.proxy.ProxyRules;
import org.jspecify.annotations.Nullable;

import static io.trafficlab.engine.rules.nftables.BaseRules.MARK_MASQ;

/**
 * One service port's part of the transaction, as {@code syncProxyRules} writes it: its
 * {@code service-}, {@code local-}, {@code external-}, {@code endpoint-} and
 * {@code firewall-} chains and its elements of the shared sets and maps. The endpoints of
 * each chain are the node's Cluster and Local sets ({@link CategorizedEndpoints}), the
 * source-range filter {@link ProxyRules}'.
 */
final class ServicePortRules {

	private final Service service;

	private final ServicePort port;

	private final CategorizedEndpoints sets;

	private final ProxyRules rules;

	private final Node node;

	private final @Nullable Cidr detector;

	private final boolean masqueradeAll;

	private final String protocol;

	private final String portName;

	private final String base;

	/** Each endpoint's hashed name base, computed once (a SHA-256 each). */
	private final Map<Endpoint, String> endpointBases = new IdentityHashMap<>();

	private final NftablesNames names;

	ServicePortRules(Service service, ServicePort port, CategorizedEndpoints sets, ProxyRules rules, Node node,
			@Nullable Cidr detector, boolean masqueradeAll, NftablesNames names) {
		this.names = names;
		this.service = service;
		this.port = port;
		this.sets = sets;
		this.rules = rules;
		this.node = node;
		this.detector = detector;
		this.masqueradeAll = masqueradeAll;
		this.protocol = port.protocol().toLowerCase(Locale.ROOT);
		this.portName = port.name();
		this.base = names.servicePortBase(service.ref().namespace(), service.ref().name(), this.protocol,
				this.portName);
	}

	void write(Transaction tx) {
		EndpointSet cluster = this.sets.cluster();
		EndpointSet local = this.sets.local();
		boolean hasEndpoints = this.sets.hasAnyEndpoints();
		boolean usesClusterChain = cluster != null && !cluster.isEmpty();
		boolean usesLocalChain = local != null && !local.isEmpty();
		String clusterChain = "service-" + this.base;
		String localChain = "local-" + this.base;
		String externalChain = "external-" + this.base;
		String firewallChain = "firewall-" + this.base;
		boolean internalLocal = this.service.internalPolicyLocal();
		String internalChain = internalLocal ? localChain : clusterChain;
		boolean hasInternal = hasEndpoints && !(internalLocal && !usesLocalChain);
		boolean externalLocal = this.service.externalPolicyLocal();
		String externalPolicyChain = externalLocal ? localChain : clusterChain;
		boolean hasExternal = hasEndpoints && !(externalLocal && !usesLocalChain);
		boolean usesExternalChain = hasEndpoints && this.service.externallyAccessible();
		boolean usesFirewall = this.rules.sourceRangesApply(DestinationKind.LOAD_BALANCER_IP);
		Map<String, Endpoint> endpointChains = endpointChains(this.sets.allReachable());
		boolean affinity = this.service.sessionAffinity() == SessionAffinity.CLIENT_IP;

		tx.comment(servicePortName());
		if (affinity) {
			for (Endpoint endpoint : endpointChains.values()) {
				tx.container("set", "affinity-" + endpointBase(endpoint), "{ type ipv4_addr ; flags dynamic,timeout ; "
						+ "timeout " + this.service.sessionAffinityTimeoutSeconds() + "s ; }");
			}
		}
		if (usesClusterChain) {
			tx.chain(clusterChain);
			if (hasInternal && !internalLocal) {
				internalMasquerade(tx, clusterChain);
			}
			toEndpoints(tx, clusterChain, cluster, affinity);
		}
		if (usesLocalChain) {
			tx.chain(localChain);
			if (hasInternal && internalLocal) {
				internalMasquerade(tx, localChain);
			}
			toEndpoints(tx, localChain, local, affinity);
		}
		if (usesExternalChain) {
			tx.chain(externalChain);
			if (!externalLocal) {
				// traffic may cross nodes: masquerade
				tx.rule(externalChain, "jump " + MARK_MASQ);
			}
			else {
				if (this.detector != null) {
					tx.rule(externalChain, "ip saddr " + this.detector + " goto " + clusterChain
							+ " comment \"short-circuit pod traffic\"");
				}
				tx.rule(externalChain,
						"fib saddr type local jump " + MARK_MASQ + " comment \"masquerade local traffic\"");
				tx.rule(externalChain,
						"fib saddr type local goto " + clusterChain + " comment \"short-circuit local traffic\"");
			}
			if (hasExternal) {
				tx.rule(externalChain, "goto " + externalPolicyChain);
			}
		}
		endpointRules(tx, endpointChains, affinity);
		if (usesFirewall) {
			tx.blank();
			tx.chain(firewallChain);
			tx.rule(firewallChain, "ip saddr != { " + String.join(" , ", allowedSources()) + " } drop");
		}
		tx.blank();
		elements(tx, hasEndpoints, hasInternal, hasExternal, internalChain, externalChain, usesFirewall, firewallChain);
		tx.blank();
	}

	private void internalMasquerade(Transaction tx, String chain) {
		String clusterIp = this.service.clusterIp();
		if (this.masqueradeAll) {
			tx.rule(chain, "ip daddr " + clusterIp + " jump " + MARK_MASQ);
		}
		else if (this.detector != null) {
			// masquerade off-cluster traffic to the ClusterIP: it may bounce to another
			// node
			tx.rule(chain, "ip daddr " + clusterIp + " ip saddr != " + this.detector + " jump " + MARK_MASQ);
		}
	}

	/** {@code writeServiceToEndpointRules}: affinity first, then the uniform spread. */
	private void toEndpoints(Transaction tx, String chain, EndpointSet endpoints, boolean affinity) {
		Map<String, Endpoint> chains = endpointChains(endpoints.endpoints());
		if (affinity) {
			for (Endpoint endpoint : chains.values()) {
				String endpointBase = endpointBase(endpoint);
				tx.rule(chain, "ip saddr @affinity-" + endpointBase + " goto endpoint-" + endpointBase);
			}
		}
		List<String> entries = new ArrayList<>(chains.size());
		for (String name : chains.keySet()) {
			entries.add(entries.size() + " : goto " + name);
		}
		tx.rule(chain, "numgen random mod " + entries.size() + " vmap { " + String.join(" , ", entries) + " }");
	}

	private void endpointRules(Transaction tx, Map<String, Endpoint> chains, boolean affinity) {
		for (Map.Entry<String, Endpoint> entry : chains.entrySet()) {
			String chain = entry.getKey();
			Endpoint endpoint = entry.getValue();
			tx.blank();
			tx.chain(chain);
			// a pod reaching itself through the Service is masqueraded (hairpin)
			tx.rule(chain, "ip saddr " + endpoint.ip() + " jump " + MARK_MASQ);
			if (affinity) {
				tx.rule(chain, "update @affinity-" + endpointBase(endpoint) + " { ip saddr }");
			}
			tx.rule(chain, "meta l4proto " + this.protocol + " dnat to " + endpoint.ip() + ":" + targetPort());
		}
	}

	/**
	 * The sources the firewall lets through; the LB IPs too when a range holds the node's
	 * IP.
	 */
	private List<String> allowedSources() {
		List<String> sources = new ArrayList<>();
		for (Cidr range : this.rules.sourceRanges()) {
			sources.add(range.toString());
		}
		IpAddress nodeIp = IpAddress.tryParse(this.node.internalIp());
		if (nodeIp != null && this.rules.inSourceRanges(nodeIp)) {
			sources.addAll(this.service.loadBalancerIps());
		}
		return sources;
	}

	private void elements(Transaction tx, boolean hasEndpoints, boolean hasInternal, boolean hasExternal,
			String internalChain, String externalChain, boolean usesFirewall, String firewallChain) {
		String internalVerdict = hasEndpoints ? "drop" : "goto " + BaseRules.REJECT_CHAIN;
		String externalVerdict = internalVerdict;
		String clusterIp = this.service.clusterIp();
		int servicePort = this.port.port();
		tx.element("cluster-ips", clusterIp);
		if (hasInternal) {
			tx.element("service-ips", key(clusterIp, servicePort) + " : goto " + internalChain);
		}
		else {
			tx.element("no-endpoint-services", withComment(key(clusterIp, servicePort)) + " : " + internalVerdict);
		}
		for (String externalIp : this.service.externalIps()) {
			if (hasEndpoints) {
				tx.element("service-ips", key(externalIp, servicePort) + " : goto " + externalChain);
			}
			if (!hasExternal) {
				tx.element("no-endpoint-services", withComment(key(externalIp, servicePort)) + " : " + externalVerdict);
			}
		}
		for (String lbIp : this.service.loadBalancerIps()) {
			if (hasEndpoints) {
				tx.element("service-ips", key(lbIp, servicePort) + " : goto " + externalChain);
			}
			if (usesFirewall) {
				tx.element("firewall-ips", key(lbIp, servicePort) + " : goto " + firewallChain);
			}
		}
		if (!hasExternal) {
			for (String lbIp : this.service.loadBalancerIps()) {
				tx.element("no-endpoint-services", withComment(key(lbIp, servicePort)) + " : " + externalVerdict);
			}
		}
		int nodePort = nodePort();
		if (nodePort != 0) {
			String key = this.protocol + " . " + nodePort;
			if (hasEndpoints) {
				tx.element("service-nodeports", key + " : goto " + externalChain);
			}
			if (!hasExternal) {
				tx.element("no-endpoint-nodeports", withComment(key) + " : " + externalVerdict);
			}
		}
	}

	private int nodePort() {
		boolean hasNodePorts = this.service.type() == ServiceType.NODE_PORT
				|| this.service.type() == ServiceType.LOAD_BALANCER;
		return hasNodePorts ? this.port.nodePort() : 0;
	}

	private String key(String ip, int servicePort) {
		return ip + " . " + this.protocol + " . " + servicePort;
	}

	private String withComment(String key) {
		return key + " comment \"" + servicePortName() + "\"";
	}

	/**
	 * {@code ServicePortName.String()}: {@code ns/name}, then {@code :port} when named.
	 */
	private String servicePortName() {
		return this.service.ref() + (this.portName.isEmpty() ? "" : ":" + this.portName);
	}

	/**
	 * Endpoint chains by name, in order; one chain for endpoints with the same address.
	 */
	private Map<String, Endpoint> endpointChains(List<Endpoint> endpoints) {
		Map<String, Endpoint> chains = new LinkedHashMap<>();
		for (Endpoint endpoint : endpoints) {
			chains.putIfAbsent("endpoint-" + endpointBase(endpoint), endpoint);
		}
		return chains;
	}

	private String endpointBase(Endpoint endpoint) {
		return this.endpointBases.computeIfAbsent(endpoint, this::hashedEndpointBase);
	}

	private String hashedEndpointBase(Endpoint endpoint) {
		return this.names.endpointBase(this.service.ref().namespace(), this.service.ref().name(), this.protocol,
				this.portName, endpoint.ip(), targetPort());
	}

	/** The endpoint port: a numeric {@code targetPort}, else the service port. */
	private int targetPort() {
		String target = this.port.targetPort();
		if (target != null && !target.isEmpty() && target.chars().allMatch(Character::isDigit)) {
			return Integer.parseInt(target);
		}
		return this.port.port();
	}

}
