package io.trafficlab.engine.rules.iptables;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.trafficlab.engine.endpoint.EndpointSet;
import io.trafficlab.engine.model.Endpoint;
import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.model.SessionAffinity;
import org.jspecify.annotations.Nullable;

/**
 * One service port's {@code KUBE-SVC-…} / {@code KUBE-SVL-…} chains and their
 * {@code KUBE-SEP-…} endpoint chains ({@code writeServiceToEndpointRules} and the
 * per-endpoint chains of {@code syncProxyRules}). Endpoints come from the node's
 * categorized sets, ordered by {@code ip:port} text as kube-proxy's endpoints map orders
 * them, one chain per IP.
 */
final class PolicyChains {

	private final SyncContext context;

	private final Service service;

	private final String portName;

	private final String protocol;

	private final int targetPort;

	private final Map<String, EndpointChain> byIp = new HashMap<>();

	PolicyChains(SyncContext context, Service service, String portName, String protocol, int targetPort) {
		this.context = context;
		this.service = service;
		this.portName = portName;
		this.protocol = protocol;
		this.targetPort = targetPort;
	}

	/** The set's endpoint chains in kube-proxy's order; empty for an unused set. */
	List<EndpointChain> chainsOf(@Nullable EndpointSet set) {
		if (set == null || set.isEmpty()) {
			return List.of();
		}
		List<EndpointChain> chains = new ArrayList<>(set.size());
		for (int i = 0; i < set.size(); i++) {
			Endpoint endpoint = set.get(i);
			chains.add(this.byIp.computeIfAbsent(endpoint.ip(), this::endpointChain));
		}
		chains.sort(Comparator.comparing(EndpointChain::endpoint));
		List<EndpointChain> distinct = new ArrayList<>(chains.size());
		for (EndpointChain chain : chains) {
			if (distinct.isEmpty() || distinct.get(distinct.size() - 1) != chain) {
				distinct.add(chain);
			}
		}
		return distinct;
	}

	private EndpointChain endpointChain(String ip) {
		String endpoint = EndpointChain.hostPort(ip, this.targetPort);
		return new EndpointChain(ip, endpoint,
				this.context.names().endpointChain(this.portName, this.protocol, endpoint));
	}

	/**
	 * The policy chain's rules: affinity checks, then one probabilistic jump per
	 * endpoint.
	 */
	void writePolicyChain(String chain, List<EndpointChain> endpoints) {
		IptablesTable nat = this.context.nat();
		nat.declare(chain);
		if (this.service.sessionAffinity() == SessionAffinity.CLIENT_IP) {
			for (EndpointChain endpoint : endpoints) {
				nat.append(chain,
						this.context.quotedServiceComment(this.portName + " -> " + endpoint.endpoint())
								+ "-m recent --name " + endpoint.chain() + " --rcheck --seconds "
								+ this.service.sessionAffinityTimeoutSeconds() + " --reap -j " + endpoint.chain());
			}
		}
		int count = endpoints.size();
		for (int i = 0; i < count; i++) {
			EndpointChain endpoint = endpoints.get(i);
			String statistic = (i < count - 1)
					? "-m statistic --mode random --probability " + Probabilities.of(count - i) + " " : "";
			nat.append(chain, this.context.quotedServiceComment(this.portName + " -> " + endpoint.endpoint())
					+ statistic + "-j " + endpoint.chain());
		}
	}

	/** Every endpoint chain either set reached: hairpin masquerade, then DNAT. */
	void writeEndpointChains() {
		IptablesTable nat = this.context.nat();
		String comment = this.context.serviceComment(this.portName);
		String affinity = (this.service.sessionAffinity() == SessionAffinity.CLIENT_IP) ? "-m recent --name %s --set "
				: null;
		for (EndpointChain endpoint : this.byIp.values()) {
			nat.declare(endpoint.chain());
			nat.append(endpoint.chain(), comment + "-s " + endpoint.ip() + " -j " + SyncContext.MARK_MASQ);
			String recent = (affinity != null) ? affinity.formatted(endpoint.chain()) : "";
			nat.append(endpoint.chain(), comment + recent + "-m " + this.protocol + " -p " + this.protocol
					+ " -j DNAT --to-destination " + endpoint.endpoint());
		}
	}

}
