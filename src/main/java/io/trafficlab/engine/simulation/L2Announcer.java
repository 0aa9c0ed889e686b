package io.trafficlab.engine.simulation;

import java.util.ArrayList;
import java.util.List;

import io.trafficlab.engine.balancer.AnnounceCandidates;
import io.trafficlab.engine.balancer.L2Election;
import org.jspecify.annotations.Nullable;

/**
 * MetalLB in layer-2 mode: no probe; one speaker node answers ARP for the Service's LB IP
 * and takes every new connection, then kube-proxy's LB-IP rule on that node routes it.
 * <ul>
 * <li>The node is the {@link L2Election} winner among {@link AnnounceCandidates} (Local:
 * the speakers that host an endpoint that can serve; Cluster: every speaker).</li>
 * <li>The speakers see an EndpointSlice change and re-elect; the simulation models that
 * delay as kube-proxy's sync delay. A killed node leaves memberlist after
 * {@link #MEMBERLIST_DETECTION_MICROS} (hashicorp/memberlist {@code DefaultLANConfig}:
 * probe interval 1 s, suspicion timeout 4 × 1 s for fewer than 10 members; MetalLB
 * {@code speakerlist.go}).</li>
 * <li>When the announcement moves (gratuitous ARP), connections that entered the old node
 * are reset: the new node has no conntrack entry for them.</li>
 * </ul>
 */
final class L2Announcer {

	/** The address MetalLB assigns the sandbox's Service. */
	static final String LB_IP = "198.51.100.10";

	/** How long memberlist takes to declare a killed speaker dead. */
	static final long MEMBERLIST_DETECTION_MICROS = 5_000_000;

	private final Core core;

	private final MetalLbSpeakers speakers;

	private @Nullable SimNode announcer;

	L2Announcer(Core core) {
		this.core = core;
		this.speakers = new MetalLbSpeakers(core, Core.ANNOUNCE, Core.SPEAKER_LOST, MEMBERLIST_DETECTION_MICROS);
	}

	/** At start (or when MetalLB takes over): the winner announces at once. */
	void begin() {
		this.announcer = winner();
		this.speakers.begin();
	}

	/** The node that answers ARP for {@link #LB_IP}, {@code null} when none does. */
	@Nullable SimNode announcer() {
		return this.announcer;
	}

	/** The endpoints changed: the speakers re-elect once they see the change. */
	void endpointsChanged() {
		this.speakers.endpointsChanged();
	}

	/** A node died: its speaker leaves memberlist once the others declare it dead. */
	void nodeKilled(SimNode node) {
		this.speakers.nodeKilled(node);
	}

	/** Memberlist declared the speaker on {@code nodeId} dead. */
	void speakerLost(int nodeId) {
		if (this.speakers.gone(nodeId) != null) {
			elect();
		}
	}

	/** The speakers re-elect; a new winner sends gratuitous ARP. */
	void elect() {
		this.speakers.updating();
		SimNode before = this.announcer;
		SimNode after = winner();
		if (before == after) {
			return;
		}
		this.announcer = after;
		if (before != null) {
			this.core.traffic.resetEntering(before,
					"the announcement moved (gratuitous ARP): the new node has no conntrack entry for this connection");
		}
	}

	private @Nullable SimNode winner() {
		List<SimNode> candidates = this.speakers.candidates((node) -> !node.speakerGone);
		List<String> names = new ArrayList<>(candidates.size());
		for (SimNode node : candidates) {
			names.add(node.name);
		}
		int winner = L2Election.winner(names, LB_IP);
		return (winner < 0) ? null : candidates.get(winner);
	}

}
