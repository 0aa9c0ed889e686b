package io.trafficlab.engine.rules.iptables;

import java.util.List;
import java.util.Locale;

import io.trafficlab.engine.endpoint.CategorizedEndpoints;
import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.model.ServicePort;
import io.trafficlab.engine.net.Cidr;
import io.trafficlab.engine.net.IpAddress;
import io.trafficlab.engine.proxy.ProxyRules;

/**
 * The rules {@code syncProxyRules} writes for one service port on one node: the captures
 * in {@code KUBE-SERVICES} / {@code KUBE-NODEPORTS}, the filter table's
 * REJECT/DROP/ACCEPT rules, and the {@code KUBE-EXT-…}, {@code KUBE-FW-…} and policy
 * chains. Which endpoints each chain holds comes from the node's categorized sets
 * (R2–R6); the policies from the Service (R8, R10, R13).
 */
final class ServicePortRules {

	private final SyncContext context;

	private final Service service;

	private final ServicePort port;

	private final CategorizedEndpoints sets;

	private final ProxyRules rules;

	private final String name;

	private final String protocol;

	private final String match;

	ServicePortRules(SyncContext context, Service service, ServicePort port, CategorizedEndpoints sets,
			ProxyRules rules) {
		this.context = context;
		this.service = service;
		this.port = port;
		this.sets = sets;
		this.rules = rules;
		this.name = service.ref() + (port.name().isEmpty() ? "" : ":" + port.name());
		this.protocol = port.protocol().toLowerCase(Locale.ROOT);
		this.match = "-m " + this.protocol + " -p " + this.protocol;
	}

	void write() {
		String hash = this.context.names().portProtoHash(this.name, this.protocol);
		String clusterChain = "KUBE-SVC-" + hash;
		String localChain = "KUBE-SVL-" + hash;
		String externalChain = "KUBE-EXT-" + hash;
		String firewallChain = "KUBE-FW-" + hash;
		PolicyChains policies = new PolicyChains(this.context, this.service, this.name, this.protocol, targetPort());
		List<EndpointChain> cluster = policies.chainsOf(this.sets.cluster());
		List<EndpointChain> local = policies.chainsOf(this.sets.local());
		boolean hasEndpoints = this.sets.hasAnyEndpoints();
		String internalChain = this.service.internalPolicyLocal() ? localChain : clusterChain;
		boolean hasInternal = hasEndpoints && (!this.service.internalPolicyLocal() || !local.isEmpty());
		String externalPolicyChain = this.service.externalPolicyLocal() ? localChain : clusterChain;
		boolean hasExternal = hasEndpoints && (!this.service.externalPolicyLocal() || !local.isEmpty());
		boolean usesFirewall = hasEndpoints && !this.service.loadBalancerIps().isEmpty()
				&& !this.rules.sourceRanges().isEmpty();
		String loadBalancerChain = usesFirewall ? firewallChain : externalChain;
		// R10: REJECT without endpoints anywhere, DROP without the local ones a policy
		// needs
		String noEndpoints = hasEndpoints ? "DROP" : "REJECT";
		String noEndpointsComment = SyncContext
			.comment(this.name + (hasEndpoints ? " has no local endpoints" : " has no endpoints"));
		writeClusterIp(internalChain, hasInternal, noEndpoints, noEndpointsComment);
		writeExternalIps(externalChain, hasEndpoints, hasExternal, noEndpoints, noEndpointsComment);
		writeLoadBalancerIps(loadBalancerChain, firewallChain, hasEndpoints, hasExternal, usesFirewall, noEndpoints,
				noEndpointsComment);
		writeNodePort(externalChain, hasEndpoints, hasExternal, noEndpoints, noEndpointsComment);
		writeHealthCheckPort();
		writeInternalMasquerade(internalChain, hasInternal);
		if (hasEndpoints && this.service.externallyAccessible()) {
			writeExternalChain(externalChain, clusterChain, externalPolicyChain, hasExternal);
		}
		if (usesFirewall) {
			writeFirewallChain(firewallChain, externalChain);
		}
		if (!cluster.isEmpty()) {
			policies.writePolicyChain(clusterChain, cluster);
		}
		if (!local.isEmpty()) {
			policies.writePolicyChain(localChain, local);
		}
		policies.writeEndpointChains();
	}

	private void writeClusterIp(String internalChain, boolean hasInternal, String target, String targetComment) {
		String destination = "-d " + this.service.clusterIp() + " --dport " + this.port.port();
		if (hasInternal) {
			this.context.nat()
				.append(IptablesTable.SERVICES, SyncContext.comment(this.name + " cluster IP") + " " + this.match + " "
						+ destination + " -j " + internalChain);
		}
		else {
			this.context.filter()
				.append(IptablesTable.SERVICES, targetComment + " " + this.match + " " + destination + " -j " + target);
		}
	}

	private void writeExternalIps(String externalChain, boolean hasEndpoints, boolean hasExternal, String target,
			String targetComment) {
		for (String externalIp : this.service.externalIps()) {
			String destination = "-d " + externalIp + " --dport " + this.port.port();
			if (hasEndpoints) {
				this.context.nat()
					.append(IptablesTable.SERVICES, SyncContext.comment(this.name + " external IP") + " " + this.match
							+ " " + destination + " -j " + externalChain);
			}
			if (!hasExternal) {
				this.context.filter()
					.append(SyncContext.EXTERNAL_SERVICES,
							targetComment + " " + this.match + " " + destination + " -j " + target);
			}
		}
	}

	private void writeLoadBalancerIps(String loadBalancerChain, String firewallChain, boolean hasEndpoints,
			boolean hasExternal, boolean usesFirewall, String target, String targetComment) {
		for (String lbIp : this.service.loadBalancerIps()) {
			String destination = "-d " + lbIp + " --dport " + this.port.port();
			if (hasEndpoints) {
				this.context.nat()
					.append(IptablesTable.SERVICES, SyncContext.comment(this.name + " loadbalancer IP") + " "
							+ this.match + " " + destination + " -j " + loadBalancerChain);
			}
			if (usesFirewall) {
				this.context.filter()
					.append(SyncContext.PROXY_FIREWALL,
							SyncContext.comment(this.name + " traffic not accepted by " + firewallChain) + " "
									+ this.match + " " + destination + " -j DROP");
			}
		}
		if (!hasExternal) {
			for (String lbIp : this.service.loadBalancerIps()) {
				this.context.filter()
					.append(SyncContext.EXTERNAL_SERVICES, targetComment + " " + this.match + " -d " + lbIp
							+ " --dport " + this.port.port() + " -j " + target);
			}
		}
	}

	private void writeNodePort(String externalChain, boolean hasEndpoints, boolean hasExternal, String target,
			String targetComment) {
		int nodePort = this.port.nodePort();
		if (nodePort == 0) {
			return;
		}
		if (hasEndpoints) {
			String comment = "-m comment --comment " + this.name + " " + this.match;
			// --iptables-localhost-nodeports (the default), counted by nfacct
			this.context.nat()
				.append(IptablesTable.NODE_PORTS, comment + " -d 127.0.0.0/8 --dport " + nodePort
						+ " -m nfacct --nfacct-name localhost_nps_accepted_pkts -j " + externalChain);
			this.context.nat()
				.append(IptablesTable.NODE_PORTS, comment + " --dport " + nodePort + " -j " + externalChain);
		}
		if (!hasExternal) {
			this.context.filter()
				.append(SyncContext.EXTERNAL_SERVICES, targetComment + " -m addrtype --dst-type LOCAL " + this.match
						+ " --dport " + nodePort + " -j " + target);
		}
	}

	/** R14: the health-check port is accepted whether or not the node has endpoints. */
	private void writeHealthCheckPort() {
		if (this.service.needsHealthCheck() && this.service.healthCheckNodePort() != 0) {
			this.context.filter()
				.append(IptablesTable.NODE_PORTS, SyncContext.comment(this.name + " health check node port")
						+ " -m tcp -p tcp --dport " + this.service.healthCheckNodePort() + " -j ACCEPT");
		}
	}

	/**
	 * R8: ClusterIP traffic from off-cluster sources, or all of it with --masquerade-all.
	 */
	private void writeInternalMasquerade(String internalChain, boolean hasInternal) {
		if (!hasInternal) {
			return;
		}
		String rule = SyncContext.comment(this.name + " cluster IP") + " " + this.match + " -d "
				+ this.service.clusterIp() + " --dport " + this.port.port();
		Cidr detector = this.context.detector();
		if (this.context.masqueradeAll()) {
			this.context.nat().append(internalChain, rule + " -j " + SyncContext.MARK_MASQ);
		}
		else if (detector != null) {
			this.context.nat().append(internalChain, rule + " ! -s " + detector + " -j " + SyncContext.MARK_MASQ);
		}
	}

	/**
	 * R8: Cluster masquerades everything; Local short-circuits pods and the node itself.
	 */
	private void writeExternalChain(String externalChain, String clusterChain, String externalPolicyChain,
			boolean hasExternal) {
		IptablesTable nat = this.context.nat();
		nat.declare(externalChain);
		if (!this.service.externalPolicyLocal()) {
			nat.append(externalChain,
					SyncContext.comment("masquerade traffic for " + this.name + " external destinations") + " -j "
							+ SyncContext.MARK_MASQ);
		}
		else {
			Cidr detector = this.context.detector();
			if (detector != null) {
				nat.append(externalChain, SyncContext.comment("pod traffic for " + this.name + " external destinations")
						+ " -s " + detector + " -j " + clusterChain);
			}
			nat.append(externalChain,
					SyncContext.comment("masquerade LOCAL traffic for " + this.name + " external destinations")
							+ " -m addrtype --src-type LOCAL -j " + SyncContext.MARK_MASQ);
			nat.append(externalChain,
					SyncContext.comment("route LOCAL traffic for " + this.name + " external destinations")
							+ " -m addrtype --src-type LOCAL -j " + clusterChain);
		}
		if (hasExternal) {
			nat.append(externalChain, "-j " + externalPolicyChain);
		}
	}

	/**
	 * R13: sources inside a range go on; the rest fall through to KUBE-PROXY-FIREWALL.
	 */
	private void writeFirewallChain(String firewallChain, String externalChain) {
		IptablesTable nat = this.context.nat();
		nat.declare(firewallChain);
		String prefix = SyncContext.comment(this.name + " loadbalancer IP");
		boolean allowFromNode = false;
		IpAddress nodeIp = IpAddress.tryParse(this.context.node().internalIp());
		for (Cidr range : this.rules.sourceRanges()) {
			nat.append(firewallChain, prefix + " -s " + range + " -j " + externalChain);
			allowFromNode |= nodeIp != null && range.contains(nodeIp);
		}
		if (allowFromNode) {
			for (String lbIp : this.service.loadBalancerIps()) {
				nat.append(firewallChain, prefix + " -s " + lbIp + " -j " + externalChain);
			}
		}
		nat.append(firewallChain,
				SyncContext.comment("other traffic to " + this.name + " will be dropped by KUBE-PROXY-FIREWALL"));
	}

	/**
	 * The DNAT port: a numeric targetPort, else the Service port (a named port resolves
	 * per pod; the sandbox, like the simulation, uses the Service port for it).
	 */
	private int targetPort() {
		String target = this.port.targetPort();
		if (!target.isEmpty() && target.chars().allMatch(Character::isDigit)) {
			return Integer.parseInt(target);
		}
		return this.port.port();
	}

}
