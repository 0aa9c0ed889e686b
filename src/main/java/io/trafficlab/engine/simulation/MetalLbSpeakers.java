package io.trafficlab.engine.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import io.trafficlab.engine.balancer.AnnounceCandidates;
import io.trafficlab.engine.balancer.Registration;
import io.trafficlab.engine.endpoint.ServiceEndpoints;
import org.jspecify.annotations.Nullable;

/**
 * What MetalLB's speakers do alike in layer-2 ({@link L2Announcer}) and BGP
 * ({@link BgpAdvertiser}) mode: they decide which nodes may announce the Service
 * ({@link AnnounceCandidates}); they act on an EndpointSlice change once they see it,
 * which the simulation models as kube-proxy's sync delay (several changes within it make
 * one update); and a killed node's speaker, which cannot withdraw, counts as gone only
 * after a delay of the mode's own.
 */
final class MetalLbSpeakers {

	private final Core core;

	/** The event that runs the mode's update once the speakers saw the change. */
	private final int updateEvent;

	/** The event that marks a killed node's speaker gone. */
	private final int goneEvent;

	/** How long after its node is killed a speaker counts as gone. */
	private final long goneAfterMicros;

	private boolean updatePending;

	MetalLbSpeakers(Core core, int updateEvent, int goneEvent, long goneAfterMicros) {
		this.core = core;
		this.updateEvent = updateEvent;
		this.goneEvent = goneEvent;
		this.goneAfterMicros = goneAfterMicros;
	}

	/** At start (or when MetalLB takes over): no update is pending. */
	void begin() {
		this.updatePending = false;
	}

	/** The endpoints changed: schedules the mode's update, unless one is pending. */
	void endpointsChanged() {
		if (!this.updatePending) {
			this.updatePending = true;
			this.core.loop.scheduleIn(this.core.settings.proxySyncDelayMicros(), this.updateEvent, 0);
		}
	}

	/** A node died: its speaker counts as gone once the delay has passed. */
	void nodeKilled(SimNode node) {
		this.core.loop.scheduleIn(this.goneAfterMicros, this.goneEvent, node.id);
	}

	/**
	 * The delay after a kill has passed: marks the speaker on {@code nodeId} gone and
	 * returns its node, or returns {@code null} when the node is not dead (any more).
	 */
	@Nullable SimNode gone(int nodeId) {
		SimNode node = this.core.world.nodes.get(nodeId);
		if (!node.killed) {
			return null;
		}
		node.speakerGone = true;
		return node;
	}

	/** The pending update runs now. */
	void updating() {
		this.updatePending = false;
	}

	/**
	 * The nodes that may announce the Service now, in the world's node-name order.
	 * @param speakerUp whether the speaker on a node in the cluster still counts (each
	 * mode learns of a dead one its own way)
	 */
	List<SimNode> candidates(Predicate<SimNode> speakerUp) {
		List<SimNode> nodes = new ArrayList<>(this.core.world.nodesByName.values());
		List<String> names = new ArrayList<>(nodes.size());
		boolean[] speaker = new boolean[nodes.size()];
		for (int i = 0; i < nodes.size(); i++) {
			SimNode node = nodes.get(i);
			names.add(node.name);
			speaker[i] = node.inCluster && speakerUp.test(node) && Registration.METALLB_SPEAKERS.registers(node.model);
		}
		ServiceEndpoints endpoints = this.core.world.endpoints();
		List<Integer> indices = AnnounceCandidates.of(names, speaker, this.core.service().externalPolicyLocal(),
				endpoints::hostsEndpointThatCanServe, endpoints.anyCanServe());
		List<SimNode> candidates = new ArrayList<>(indices.size());
		for (int index : indices) {
			candidates.add(nodes.get(index));
		}
		return candidates;
	}

}
