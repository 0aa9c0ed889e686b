package io.trafficlab.engine.simulation;

import io.trafficlab.engine.proxy.ProxyRules;
import io.trafficlab.engine.proxy.SourceAddress;

/**
 * How a pod's counters number the sources it sees, so that counting a connection's source
 * is an array increment: one slot per client (the source was kept), then two per node for
 * the addresses its SNAT gives (R15): the pod bridge gateway, then the InternalIP.
 */
final class SourceSlots {

	private SourceSlots() {
	}

	/**
	 * The slot of a connection's source as the pod sees it, under the dataplane's rule
	 * ({@link io.trafficlab.engine.balancer.Dataplane#rewritesSource}).
	 */
	static int of(Core core, int client, SimNode entry, boolean masquerade, boolean podOnEntryNode) {
		return core.settings.dataplane().rewritesSource(masquerade, podOnEntryNode)
				? core.clients + 2 * entry.id + (podOnEntryNode ? 0 : 1) : client;
	}

	/** The address a slot stands for, and whose it is. */
	static SourceAddress address(Core core, int slot) {
		if (slot < core.clients) {
			return SourceAddress.client(core.clientIps.get(slot));
		}
		int nodeSlot = slot - core.clients;
		return ProxyRules.masquerade(core.world.nodes.get(nodeSlot / 2).model, nodeSlot % 2 == 0);
	}

}
