package io.trafficlab.engine.rules.nftables;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.trafficlab.engine.endpoint.CategorizedEndpoints;
import io.trafficlab.engine.endpoint.ServiceEndpoints;
import io.trafficlab.engine.model.Cluster;
import io.trafficlab.engine.model.Node;
import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.model.ServicePort;
import io.trafficlab.engine.model.ServiceType;
import io.trafficlab.engine.net.Cidr;
import io.trafficlab.engine.proxy.ProxyRules;
import io.trafficlab.engine.rules.LocalTrafficDetector;
import io.trafficlab.engine.rules.NodeRules;
import io.trafficlab.engine.rules.RulesScope;
import io.trafficlab.engine.rules.RulesWriter;
import org.jspecify.annotations.Nullable;

/**
 * The transaction kube-proxy's nftables proxier ({@code pkg/proxy/nftables}, Kubernetes
 * 1.34) sends for one node in a full sync, in the shape its golden test
 * {@code TestOverallNFTablesRules} compares: the table, sets, maps, base chains and
 * static rules, then per service port its chains, rules and map elements. Flushes are
 * left out, as in the golden text; Services are written in namespace/name order.
 * <p>
 * What the sandbox assumes of kube-proxy's flags: IPv4 only, masquerade bit 14
 * ({@code 0x4000}), {@code --nodeport-addresses primary} (the nftables default: the
 * node's InternalIP only), the API server's service range {@code 10.96.0.0/12}, and the
 * scope's detector and {@code --masquerade-all}.
 */
public final class NftablesWriter implements RulesWriter {

	@Override
	public NodeRules write(Cluster cluster, String nodeName, RulesScope scope) {
		Node node = findNode(cluster, nodeName);
		List<Service> services = services(cluster, scope);
		Cidr detector = LocalTrafficDetector.of(cluster, scope.clusterCidr());
		Transaction tx = new Transaction();
		NftablesNames names = new NftablesNames();
		BaseRules.write(tx, node.internalIp());
		tx.blank();
		for (Service service : services) {
			ServiceEndpoints endpoints = ServiceEndpoints.of(service, cluster.endpointsOf(service.ref()));
			CategorizedEndpoints sets = endpoints.categorize(node.name(), node.zone());
			ProxyRules rules = ProxyRules.of(service);
			for (ServicePort port : service.ports()) {
				new ServicePortRules(service, port, sets, rules, node, detector, scope.masqueradeAll(), names)
					.write(tx);
			}
		}
		return tx.toRules(node.name());
	}

	private static Node findNode(Cluster cluster, String name) {
		for (Node node : cluster.nodes()) {
			if (node.name().equals(name)) {
				return node;
			}
		}
		throw new IllegalArgumentException("node: there is no node \"" + name + "\" in the cluster");
	}

	/** The Services kube-proxy proxies (not ExternalName, not headless) in the scope. */
	private static List<Service> services(Cluster cluster, RulesScope scope) {
		List<Service> services = new ArrayList<>();
		boolean found = false;
		for (Service service : cluster.services()) {
			if (scope.service() != null && !scope.service().equals(service.ref())) {
				continue;
			}
			found = true;
			if (proxied(service)) {
				services.add(service);
			}
		}
		if (scope.service() != null && !found) {
			throw new IllegalArgumentException("service: there is no Service " + scope.service() + " in the cluster");
		}
		services.sort(Comparator.comparing(Service::ref));
		return services;
	}

	private static boolean proxied(@Nullable Service service) {
		return service != null && service.type() != ServiceType.EXTERNAL_NAME && !service.clusterIp().isBlank()
				&& !Service.HEADLESS_CLUSTER_IP.equalsIgnoreCase(service.clusterIp());
	}

}
