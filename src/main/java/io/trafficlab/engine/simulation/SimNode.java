package io.trafficlab.engine.simulation;

import java.util.Arrays;

import io.trafficlab.engine.cluster.DeclaredNode;
import io.trafficlab.engine.model.Node;
import org.jspecify.annotations.Nullable;

/**
 * One node of the simulation, with the state of the actors that live on it: the declared
 * node, the cloud LB's view of it as a target, kube-proxy's programmed rules, conntrack
 * and ClientIP affinity (R12). Numbered once; a node that leaves keeps its number, so
 * counters indexed by node never shift.
 */
final class SimNode {

	final int id;

	final String name;

	/** The node as declared (addresses pinned after the first assembly). */
	DeclaredNode declared;

	/**
	 * The node as the API server stores it (refreshed on every assembly while it is in
	 * the cluster).
	 */
	Node model;

	/** Whether the node is in the cluster (not yet killed or removed). */
	boolean inCluster = true;

	/** Killed: the machine is gone, nothing answers. */
	boolean killed;

	/** When it was killed or removed. */
	long goneAt;

	/** Being removed in order: it leaves once its last pod is deleted. */
	boolean removing;

	/**
	 * The node controller set its Ready condition to Unknown (no heartbeat for the grace
	 * period).
	 */
	boolean readyUnknown;

	/** MetalLB: memberlist declared the speaker on this killed node dead. */
	boolean speakerGone;

	// the cloud LB's view of this node as a target (R20)

	/** The LB's verdict, {@code null} when the node is not (or no longer) a target. */
	@Nullable TargetState verdict;

	/**
	 * Bumped whenever the node is registered or deregistered, so queued probes and drain
	 * timers of an earlier registration are ignored.
	 */
	int registration;

	/** Probes in a row with the same outcome as the last one. */
	int consecutive;

	boolean lastProbePassed;

	/**
	 * A probe nothing answered, counted when its timeout expires; {@code null} when none
	 * is waiting.
	 */
	ProbeAnswers.@Nullable ProbeResult pendingProbe;

	/**
	 * The weight the last probe reported ({@code X-Load-Balancing-Endpoint-Weight}), or
	 * {@code null}.
	 */
	@Nullable Integer weight;

	// kube-proxy

	/** The rules as of kube-proxy's last sync, {@code null} before the first one. */
	@Nullable NodeRules rules;

	boolean syncPending;

	// conntrack and ClientIP affinity, keyed by client index (the source as received:
	// R12)

	int conntrackEntries;

	int[] affinityPod = new int[0];

	long[] affinityLastSeen = new long[0];

	// observed counters since the statistics window started

	long entered;

	long served;

	long dropped;

	long rejected;

	SimNode(int id, DeclaredNode declared, Node model) {
		this.id = id;
		this.name = declared.name();
		this.declared = declared;
		this.model = model;
	}

	boolean isTarget() {
		return this.verdict != null;
	}

	/** Whether the LB sends new connections to it unless it fails open. */
	boolean passing() {
		return this.verdict == TargetState.HEALTHY;
	}

	void clearAffinity(int clients) {
		if (this.affinityPod.length != clients) {
			this.affinityPod = new int[clients];
			this.affinityLastSeen = new long[clients];
		}
		Arrays.fill(this.affinityPod, -1);
	}

	void restartCounters() {
		this.entered = 0;
		this.served = 0;
		this.dropped = 0;
		this.rejected = 0;
	}

	@Override
	public String toString() {
		return this.name;
	}

}
