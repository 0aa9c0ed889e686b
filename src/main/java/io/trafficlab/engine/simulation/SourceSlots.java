package io.trafficlab.engine.simulation;

import io.trafficlab.engine.balancer.LoadBalancerAddresses;
import io.trafficlab.engine.proxy.ProxyRules;
import io.trafficlab.engine.proxy.SourceAddress;
import org.jspecify.annotations.Nullable;

/**
 * How a pod's counters number the sources it sees, so that counting a connection's source
 * is an array increment: one slot per client (the source was kept), then three per node:
 * the addresses its SNAT gives toward its own pods and toward other nodes' (R15: which
 * ones the network model decides), then the load balancer's private address in the node's
 * zone (a proxy, or NLB ip targets without client-IP preservation).
 */
final class SourceSlots {

	private static final int PER_NODE = 3;

	private SourceSlots() {
	}

	/**
	 * The slot of a connection's source as the pod sees it, under the dataplane's rule
	 * ({@link io.trafficlab.engine.balancer.Dataplane#rewritesSource}).
	 */
	static int of(Core core, int client, SimNode entry, boolean masquerade, boolean podOnEntryNode) {
		if (core.settings.dataplane().rewritesSource(masquerade, podOnEntryNode)) {
			return core.clients + PER_NODE * entry.id + (podOnEntryNode ? 0 : 1);
		}
		// a proxy (the Classic ELB) delivers from its own address
		return (!core.entry().viaLoadBalancer() || core.spec().clientAddressKeptToNode()) ? client
				: core.clients + PER_NODE * entry.id + 2;
	}

	/**
	 * The slot of a connection the LB sends straight to a pod on {@code podNode}: the
	 * client's, or the LB's address in the node's zone.
	 */
	static int direct(Core core, int client, SimNode podNode, boolean clientKept) {
		return clientKept ? client : core.clients + PER_NODE * podNode.id + 2;
	}

	/**
	 * The address a load balancer that does not keep the client's (a proxy) delivers from
	 * to {@code node}, with the port, or {@code null} when the client's is kept.
	 */
	static @Nullable String proxiedFrom(Core core, SimNode node) {
		if (!core.entry().viaLoadBalancer() || core.spec().clientAddressKeptToNode()) {
			return null;
		}
		return address(core, core.clients + PER_NODE * node.id + 2).address();
	}

	/** The address a slot stands for, and whose it is. */
	static SourceAddress address(Core core, int slot) {
		if (slot < core.clients) {
			return SourceAddress.client(core.clientIps.get(slot));
		}
		int nodeSlot = slot - core.clients;
		SimNode node = core.world.nodes.get(nodeSlot / PER_NODE);
		if (nodeSlot % PER_NODE == 2) {
			String zonal = core.entry().zoneAddresses().get(LoadBalancerAddresses.zoneOf(node.model));
			return SourceAddress.other((zonal != null) ? zonal : "?");
		}
		return ProxyRules.masquerade(node.model, nodeSlot % PER_NODE == 0, core.settings.network());
	}

}
