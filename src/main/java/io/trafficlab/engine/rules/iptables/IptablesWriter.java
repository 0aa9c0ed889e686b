package io.trafficlab.engine.rules.iptables;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.trafficlab.engine.endpoint.CategorizedEndpoints;
import io.trafficlab.engine.endpoint.ServiceEndpoints;
import io.trafficlab.engine.model.Cluster;
import io.trafficlab.engine.model.Node;
import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.model.ServicePort;
import io.trafficlab.engine.model.ServiceRef;
import io.trafficlab.engine.model.ServiceType;
import io.trafficlab.engine.net.Cidr;
import io.trafficlab.engine.proxy.PacketTracer;
import io.trafficlab.engine.proxy.ProxyRules;
import io.trafficlab.engine.rules.ChainHashCache;
import io.trafficlab.engine.rules.NodeRules;
import io.trafficlab.engine.rules.RuleChain;
import io.trafficlab.engine.proxy.ProxyMode;
import io.trafficlab.engine.rules.RulesScope;
import io.trafficlab.engine.rules.RulesWriter;

/**
 * The {@code iptables-restore} input kube-proxy's iptables proxier writes for a node in
 * one full sync (Kubernetes v1.33/v1.34 {@code syncProxyRules}), in the shape upstream's
 * {@code TestOverallIPTablesRules} compares: chains sorted as {@code sortIPTablesRules}
 * sorts them, Services in name order. kube-proxy runs with its defaults: masquerade bit
 * 14 ({@code 0x4000}), {@code --iptables-localhost-nodeports}, nfacct counters, no
 * {@code --random-fully}, {@code --nodeport-addresses} unset, IPv4.
 * <p>
 * Cost, for E endpoints a service port reaches: per endpoint one lookup of its
 * {@code KUBE-SEP-…} name in the writer's {@link ChainHashCache} (a SHA-256 only the
 * first time the writer meets that endpoint, as kube-proxy names it once), three rule
 * lines each built once, and its share of two sorts (the policy chain by {@code ip:port},
 * the endpoint chains by name), so O(E log E). Endpoint chains bypass the table's map and
 * are merged into the few named chains; the text is appended once into a builder sized by
 * the tables' running count. README ("Benchmarks") has the measured figure for 50,000
 * endpoints. Thread-safe: a write keeps its state to itself, the cache locks.
 */
public final class IptablesWriter implements RulesWriter {

	/** {@code largeClusterEndpointsThreshold}. */
	static final int LARGE_CLUSTER_ENDPOINTS = 1000;

	private final ChainNames names = new ChainNames(ChainHashCache.DEFAULT_CAPACITY);

	@Override
	public NodeRules write(Cluster cluster, String nodeName, RulesScope scope) {
		Node node = node(cluster, nodeName);
		ServiceRef only = scope.service();
		if (only != null && cluster.services().stream().noneMatch((service) -> service.ref().equals(only))) {
			throw new IllegalArgumentException("service: there is no Service " + only + " in the cluster");
		}
		Cidr detector = PacketTracer.detector(cluster, scope.clusterCidr());
		long endpointCount = endpointCount(cluster);
		SyncContext context = new SyncContext(node, new IptablesTable("filter", 16),
				new IptablesTable("nat", (int) Math.min(endpointCount, 1 << 18) + 16), this.names, detector,
				scope.masqueradeAll(), endpointCount > LARGE_CLUSTER_ENDPOINTS);
		StaticChains.writeBefore(context);
		for (Service service : proxied(cluster)) {
			if (only != null && !only.equals(service.ref())) {
				continue;
			}
			ServiceEndpoints endpoints = ServiceEndpoints.of(service, cluster.endpointsOf(service.ref()));
			CategorizedEndpoints sets = endpoints.categorize(node.name(), node.zone());
			ProxyRules rules = ProxyRules.of(service);
			for (ServicePort port : service.ports()) {
				new ServicePortRules(context, service, port, sets, rules).write();
			}
		}
		StaticChains.writeAfter(context);
		List<RuleChain> filter = context.filter().chains();
		List<RuleChain> nat = context.nat().chains();
		long length = context.filter().textLength() + context.nat().textLength();
		StringBuilder text = new StringBuilder((int) Math.min(length, Integer.MAX_VALUE - 16));
		IptablesTable.render("filter", filter, text);
		IptablesTable.render("nat", nat, text);
		List<RuleChain> chains = new ArrayList<>(filter.size() + nat.size());
		chains.addAll(filter);
		chains.addAll(nat);
		return new NodeRules(ProxyMode.IPTABLES, node.name(), chains, text.toString());
	}

	private static Node node(Cluster cluster, String name) {
		for (Node node : cluster.nodes()) {
			if (node.name().equals(name)) {
				return node;
			}
		}
		throw new IllegalArgumentException("node: there is no node \"" + name + "\" in the cluster");
	}

	/**
	 * The Services kube-proxy proxies, in name order: not ExternalName, not headless.
	 */
	static List<Service> proxied(Cluster cluster) {
		List<Service> services = new ArrayList<>();
		for (Service service : cluster.services()) {
			String clusterIp = service.clusterIp();
			if (service.type() != ServiceType.EXTERNAL_NAME && !clusterIp.isBlank()
					&& !Service.HEADLESS_CLUSTER_IP.equalsIgnoreCase(clusterIp)) {
				services.add(service);
			}
		}
		services.sort(Comparator.comparing(Service::ref));
		return services;
	}

	/**
	 * kube-proxy counts the endpoints of every service port to pick large-cluster mode.
	 */
	private static long endpointCount(Cluster cluster) {
		long count = 0;
		for (Service service : proxied(cluster)) {
			count += (long) service.ports().size() * cluster.endpointsOf(service.ref()).size();
		}
		return count;
	}

}
