package io.trafficlab.engine.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.trafficlab.engine.model.Cluster;
import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.rules.RulesScope;
import io.trafficlab.engine.rules.RulesWalk;
import io.trafficlab.engine.rules.RulesWalker;
import io.trafficlab.engine.rules.RulesWriter;
import io.trafficlab.engine.rules.WalkedPacket;

/**
 * Writes a node's rules from what its kube-proxy saw at its last sync (not from the
 * cluster as it is now: a node that has not synced since a pod moved still DNATs to the
 * old pod), and walks a sandbox connection's first packet through them.
 */
final class SyncedRulesReader {

	private final Core core;

	SyncedRulesReader(Core core) {
		this.core = core;
	}

	/**
	 * One full write of the node's rules: linear in the synced cluster's Services and
	 * endpoints in scope; nothing is copied at sync time.
	 */
	SyncedRules rules(String nodeName, RulesWriter writer, RulesScope scope) {
		NodeRules synced = synced(node(nodeName));
		return new SyncedRules(writer.write(asSynced(synced), nodeName.trim(), scope), synced.generation,
				synced.syncedAt);
	}

	/**
	 * The walk of a connection from {@code clientIp} that the node's rules sent to
	 * {@code podIp}: the packet carries the destination the sandbox's clients use on that
	 * node (the NodePort on its IP through the NLB, else the LB or external IP).
	 */
	RulesWalk walk(String nodeName, RulesWriter writer, RulesWalker walker, String clientIp, String podIp) {
		SimNode node = node(nodeName);
		NodeRules synced = synced(node);
		Entry entry = this.core.entry();
		if (!entry.reachable()) {
			throw new IllegalArgumentException("The Service " + this.core.world.followed
					+ " has no external address, so no client connection reaches " + node.name + ".");
		}
		String arrival = entry.arrivalAt(node);
		int colon = arrival.lastIndexOf(':');
		String destinationIp = arrival.substring(0, colon);
		int destinationPort = Integer.parseInt(arrival.substring(colon + 1));
		boolean destinationLocal = destinationIp.equals(node.model.internalIp());
		boolean sourceLocal = clientIp.equals(node.model.internalIp());
		String protocol = synced.service.primaryPort().protocol().toLowerCase(Locale.ROOT);
		WalkedPacket packet = new WalkedPacket(protocol, clientIp, destinationIp, destinationPort, sourceLocal,
				destinationLocal, podIp);
		RulesScope scope = new RulesScope(synced.service.ref(), null, false);
		return walker.walk(writer.write(asSynced(synced), node.name, scope), packet);
	}

	/**
	 * The cluster the sync saw, with the followed Service exactly as kube-proxy compiled
	 * it (the one the sandbox routes with, whose status carries the load balancer's
	 * published address), so that the rules and the routes come from one Service. Copies
	 * the lists of Services, nodes and pods once: linear in their number.
	 */
	private static Cluster asSynced(NodeRules synced) {
		Cluster cluster = synced.cluster;
		List<Service> services = new ArrayList<>(cluster.services().size());
		for (Service service : cluster.services()) {
			services.add(service.ref().equals(synced.service.ref()) ? synced.service : service);
		}
		return new Cluster(cluster.nodes(), services, cluster.endpoints(), cluster.pods());
	}

	private SimNode node(String name) {
		SimNode node = this.core.world.nodesByName.get(name.trim());
		if (node == null) {
			throw new IllegalArgumentException("There is no node \"" + name.trim() + "\" (nodes: "
					+ String.join(", ", this.core.world.nodesByName.keySet()) + ").");
		}
		return node;
	}

	private static NodeRules synced(SimNode node) {
		NodeRules rules = node.rules;
		if (rules == null) {
			throw new IllegalStateException("kube-proxy on " + node.name + " has not synced yet, so it has written no "
					+ "rules; it does within the sync delay.");
		}
		return rules;
	}

}
