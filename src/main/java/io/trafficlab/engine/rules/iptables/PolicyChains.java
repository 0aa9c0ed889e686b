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

	private static final Comparator<EndpointChain> BY_ENDPOINT = (a, b) -> a.endpoint().compareTo(b.endpoint());

	private final SyncContext context;

	private final Service service;

	private final String portName;

	private final String protocol;

	private final int targetPort;

	private final Map<String, EndpointChain> byIp;

	PolicyChains(SyncContext context, Service service, String portName, String protocol, int targetPort,
			int expectedEndpoints) {
		this.context = context;
		this.service = service;
		this.portName = portName;
		this.protocol = protocol;
		this.targetPort = targetPort;
		this.byIp = new HashMap<>(expectedEndpoints * 4 / 3 + 1);
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
		chains.sort(BY_ENDPOINT);
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
		int count = endpoints.size();
		boolean affinity = this.service.sessionAffinity() == SessionAffinity.CLIENT_IP;
		nat.declare(chain, affinity ? 2 * count : count);
		String prefix = "-A " + chain + " ";
		if (affinity) {
			for (EndpointChain endpoint : endpoints) {
				nat.add(chain,
						prefix + endpointComment(endpoint) + "-m recent --name " + endpoint.chain()
								+ " --rcheck --seconds " + this.service.sessionAffinityTimeoutSeconds() + " --reap -j "
								+ endpoint.chain());
			}
		}
		for (int i = 0; i < count - 1; i++) {
			EndpointChain endpoint = endpoints.get(i);
			nat.add(chain, prefix + endpointComment(endpoint) + "-m statistic --mode random --probability "
					+ Probabilities.of(count - i) + " -j " + endpoint.chain());
		}
		EndpointChain last = endpoints.get(count - 1);
		nat.add(chain, prefix + endpointComment(last) + "-j " + last.chain());
	}

	/** The quoted {@code "portName -> ip:port"} comment, none in a large cluster. */
	private String endpointComment(EndpointChain endpoint) {
		return this.context.largeCluster() ? ""
				: SyncContext.comment(this.portName + " -> " + endpoint.endpoint()) + " ";
	}

	/**
	 * Every endpoint chain either set reached: hairpin masquerade, then DNAT. Each chain
	 * is two lines built once.
	 */
	void writeEndpointChains() {
		IptablesTable nat = this.context.nat();
		String comment = this.context.serviceComment(this.portName);
		boolean affinity = this.service.sessionAffinity() == SessionAffinity.CLIENT_IP;
		String dnat = "-m " + this.protocol + " -p " + this.protocol + " -j DNAT --to-destination ";
		for (EndpointChain endpoint : this.byIp.values()) {
			String chain = endpoint.chain();
			String prefix = "-A " + chain + " " + comment;
			String recent = affinity ? "-m recent --name " + chain + " --set " : "";
			nat.define(chain, List.of(prefix + "-s " + endpoint.ip() + " -j " + SyncContext.MARK_MASQ,
					prefix + recent + dnat + endpoint.endpoint()));
		}
	}

}
