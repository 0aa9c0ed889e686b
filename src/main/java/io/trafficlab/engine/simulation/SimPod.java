package io.trafficlab.engine.simulation;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.trafficlab.engine.cluster.OwnerReference;
import io.trafficlab.engine.cluster.PodScheduling;
import io.trafficlab.engine.cluster.PodShutdown;
import io.trafficlab.engine.simulation.SimulationSnapshot.PodStatus;
import org.jspecify.annotations.Nullable;

/**
 * One pod of the simulation and its lifecycle (PENDING, STARTING, READY, TERMINATING,
 * then deleted), with the connections it has received. Numbered once ({@link #slot}); a
 * deleted pod keeps its number.
 */
final class SimPod {

	final int slot;

	final String namespace;

	final String name;

	/** The name a bare pod's moves derive new names from. */
	final String baseName;

	final Map<String, String> labels;

	/** Its owner, or {@code null} for a bare pod. */
	final @Nullable SimWorkload workload;

	/** {@code metadata.ownerReferences} as exported. */
	final List<OwnerReference> owners;

	/**
	 * Its scheduling constraints (the node it is pinned to, if any, in {@code nodeName}).
	 */
	final PodScheduling scheduling;

	/** How it shuts down when deleted. */
	final PodShutdown shutdown;

	/** Whether the followed Service selects it. */
	final boolean backsService;

	@Nullable SimNode node;

	@Nullable String ip;

	PodStatus status;

	/** When it entered {@link #status}. */
	long since;

	/**
	 * Whether it was ever Ready: a terminating pod that was keeps serving (R4) until its
	 * app exits.
	 */
	boolean wasReady;

	/**
	 * Whether a terminating pod's first container has exited: it is no longer Ready, so
	 * its endpoint is not serving, and nothing listens on its port.
	 */
	boolean exited;

	/**
	 * When a terminating pod's app exits and its endpoint stops serving (in the future,
	 * or when it did); {@code -1} when no timer ends its serving (not terminating, never
	 * Ready, or its node is dead).
	 */
	long stopsServingAt = -1;

	boolean deleted;

	/**
	 * For a StatefulSet pod being moved: the node its successor (same name) is bound to.
	 */
	@Nullable String successorNode;

	// observed counters since the statistics window started

	long connections;

	/**
	 * Connections by the source the pod saw, numbered by {@link SourceSlots}.
	 */
	long[] sources = new long[0];

	/** Connections in flight on this pod. */
	int live;

	SimPod(int slot, String namespace, String name, String baseName, Map<String, String> labels,
			@Nullable SimWorkload workload, List<OwnerReference> owners, PodScheduling scheduling, PodShutdown shutdown,
			boolean backsService, PodStatus status, long since) {
		this.slot = slot;
		this.namespace = namespace;
		this.name = name;
		this.baseName = baseName;
		this.labels = Map.copyOf(labels);
		this.workload = workload;
		this.owners = List.copyOf(owners);
		this.scheduling = scheduling;
		this.shutdown = shutdown;
		this.backsService = backsService;
		this.status = status;
		this.since = since;
	}

	void countSource(int source) {
		if (source >= this.sources.length) {
			this.sources = Arrays.copyOf(this.sources, Math.max(source + 1, this.sources.length * 2));
		}
		this.sources[source]++;
	}

	void restartCounters() {
		this.connections = 0;
		Arrays.fill(this.sources, 0);
	}

	/**
	 * Whether its endpoint is serving: Ready, or terminating after having been Ready
	 * while its app still runs (EndpointSlice {@code serving} is the pod's Ready
	 * condition).
	 */
	boolean serving() {
		return this.status == PodStatus.READY
				|| (this.status == PodStatus.TERMINATING && this.wasReady && !this.exited);
	}

	boolean onNode() {
		return this.node != null && !this.deleted;
	}

	@Override
	public String toString() {
		return this.name;
	}

}
