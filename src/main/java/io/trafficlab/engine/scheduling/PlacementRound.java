package io.trafficlab.engine.scheduling;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;

import io.trafficlab.engine.model.Node;

import org.jspecify.annotations.Nullable;

/**
 * Places the replicas of one pod template. The state that changes between replicas (pods
 * per node, matching pods per topology domain, each constraint's least populated domain)
 * is kept in counters, and the candidate nodes in sorted sets, so that a placement costs
 * about {@code log(nodes)} instead of a scan of every node.
 *
 * <p>
 * Sorted sets are used when there is at most one topology key other than the hostname
 * (typically the zone): nodes are grouped by that key, each group keeps its nodes in
 * preference order, and the groups are merged lazily, best first. Other layouts fall back
 * to checking every node for each replica.
 */
final class PlacementRound {

	private final List<Node> nodes;

	private final int[] podCount;

	private final int maxPods;

	private final PodRequirements pod;

	private final @Nullable String[] staticReason;

	private final List<SpreadCounts> spreads = new ArrayList<>();

	private final @Nullable LabelSelector ownerSelector;

	private final int ownerSelfMatch;

	private final int[] matchCount;

	private final boolean sorted;

	private final int[] groupOf;

	private final int noKeyGroup;

	private final List<SpreadCounts> hostSpreads = new ArrayList<>();

	private final List<SpreadCounts> groupSpreads = new ArrayList<>();

	private final List<TreeSet<Integer>> members = new ArrayList<>();

	private final TreeSet<Integer> groupOrder;

	PlacementRound(List<Node> nodes, int[] podCount, int maxPods, List<PlacedPod> placed, PodRequirements pod,
			boolean scanOnly) {
		this.nodes = nodes;
		this.podCount = podCount;
		this.maxPods = maxPods;
		this.pod = pod;
		this.staticReason = new String[nodes.size()];
		for (int i = 0; i < nodes.size(); i++) {
			this.staticReason[i] = NodeFit.staticReason(nodes.get(i), pod);
		}
		this.ownerSelector = pod.ownerSelector();
		this.ownerSelfMatch = (this.ownerSelector != null && this.ownerSelector.matches(pod.labels())) ? 1 : 0;
		this.matchCount = new int[nodes.size()];
		for (TopologySpreadConstraint constraint : constraints(pod)) {
			this.spreads.add(new SpreadCounts(constraint, placed, nodes, pod, this.staticReason));
		}
		countOwnerMatches(placed);
		Set<String> groupKeys = new HashSet<>();
		boolean uniqueHosts = true;
		for (SpreadCounts spread : this.spreads) {
			if (spread.hostname) {
				uniqueHosts &= spread.oneNodePerDomain;
			}
			else {
				groupKeys.add(spread.constraint.topologyKey());
			}
		}
		this.sorted = !scanOnly && uniqueHosts && groupKeys.size() <= 1;
		this.groupOf = new int[nodes.size()];
		SpreadCounts grouping = null;
		for (SpreadCounts spread : this.spreads) {
			(spread.hostname ? this.hostSpreads : this.groupSpreads).add(spread);
			if (!spread.hostname) {
				grouping = spread;
			}
		}
		this.noKeyGroup = (grouping != null) ? grouping.domainCount : 0;
		for (int i = 0; i < nodes.size(); i++) {
			this.groupOf[i] = (grouping == null) ? 0
					: (grouping.domainOf[i] >= 0) ? grouping.domainOf[i] : this.noKeyGroup;
		}
		this.groupOrder = new TreeSet<>(this::compareGroups);
		if (this.sorted) {
			fillSortedSets();
		}
	}

	/** The best node that fits the next replica, or {@code -1} when none does. */
	int choose() {
		return this.sorted ? chooseSorted() : chooseByScan();
	}

	/** Records a replica on the node. */
	void place(int node) {
		int group = this.groupOf[node];
		if (this.sorted) {
			this.groupOrder.remove(group);
			this.members.get(group).remove(node);
		}
		this.podCount[node]++;
		for (SpreadCounts spread : this.spreads) {
			spread.addSelfOn(node);
		}
		this.matchCount[node] += this.ownerSelfMatch;
		if (this.sorted) {
			if (this.podCount[node] < this.maxPods) {
				this.members.get(group).add(node);
			}
			if (!this.members.get(group).isEmpty()) {
				this.groupOrder.add(group);
			}
		}
	}

	/** Why no node fits, worded like kube-scheduler's event. */
	String failureMessage() {
		List<String> reasons = new ArrayList<>();
		for (int i = 0; i < this.nodes.size(); i++) {
			String reason = this.staticReason[i];
			if (reason == null) {
				reason = (this.podCount[i] >= this.maxPods) ? FailureMessage.TOO_MANY_PODS : spreadReason(i);
			}
			reasons.add(reason);
		}
		return FailureMessage.of(this.nodes.size(), reasons);
	}

	private List<TopologySpreadConstraint> constraints(PodRequirements pod) {
		if (!pod.spreadConstraints().isEmpty() || this.ownerSelector == null) {
			return pod.spreadConstraints();
		}
		return List.of(
				TopologySpreadConstraint.of(3, TopologySpreadConstraint.HOSTNAME,
						TopologySpreadConstraint.SCHEDULE_ANYWAY, this.ownerSelector),
				TopologySpreadConstraint.of(5, TopologySpreadConstraint.ZONE, TopologySpreadConstraint.SCHEDULE_ANYWAY,
						this.ownerSelector));
	}

	private void countOwnerMatches(List<PlacedPod> placed) {
		if (this.ownerSelector == null) {
			return;
		}
		for (PlacedPod other : placed) {
			if (!other.terminating() && other.namespace().equals(this.pod.namespace())
					&& this.ownerSelector.matches(other.labels())) {
				this.matchCount[other.node()]++;
			}
		}
	}

	private void fillSortedSets() {
		for (int group = 0; group <= this.noKeyGroup; group++) {
			this.members.add(new TreeSet<>(this::compareWithinGroup));
		}
		for (int i = 0; i < this.nodes.size(); i++) {
			if (this.staticReason[i] == null && this.podCount[i] < this.maxPods) {
				this.members.get(this.groupOf[i]).add(i);
			}
		}
		for (int group = 0; group <= this.noKeyGroup; group++) {
			if (!this.members.get(group).isEmpty()) {
				this.groupOrder.add(group);
			}
		}
	}

	private int chooseSorted() {
		PriorityQueue<Cursor> candidates = new PriorityQueue<>((a, b) -> compareNodes(a.node, b.node));
		Iterator<Integer> groups = this.groupOrder.iterator();
		int next = groups.hasNext() ? groups.next() : -1;
		while (true) {
			while (next >= 0 && (candidates.isEmpty()
					|| compareNodes(this.members.get(next).first(), candidates.peek().node) <= 0)) {
				if (groupFits(next)) {
					candidates.add(new Cursor(this.members.get(next).iterator()));
				}
				next = groups.hasNext() ? groups.next() : -1;
			}
			Cursor best = candidates.poll();
			if (best == null) {
				return -1;
			}
			if (nodeFits(best.node)) {
				return best.node;
			}
			if (best.advance()) {
				candidates.add(best);
			}
		}
	}

	private int chooseByScan() {
		int best = -1;
		for (int i = 0; i < this.nodes.size(); i++) {
			if (this.staticReason[i] == null && this.podCount[i] < this.maxPods && spreadReason(i) == null
					&& (best < 0 || compareNodes(i, best) < 0)) {
				best = i;
			}
		}
		return best;
	}

	private boolean groupFits(int group) {
		for (SpreadCounts spread : this.groupSpreads) {
			if (spread.hard && (group == this.noKeyGroup || !spread.fitsDomain(group))) {
				return false;
			}
		}
		return true;
	}

	private boolean nodeFits(int node) {
		if (this.podCount[node] >= this.maxPods) {
			return false;
		}
		for (SpreadCounts spread : this.hostSpreads) {
			if (spread.hard && (spread.domainOf[node] < 0 || !spread.fitsDomain(spread.domainOf[node]))) {
				return false;
			}
		}
		return true;
	}

	private @Nullable String spreadReason(int node) {
		for (SpreadCounts spread : this.spreads) {
			if (!spread.hard) {
				continue;
			}
			int domain = spread.domainOf[node];
			if (domain < 0) {
				return FailureMessage.SPREAD_MISSING_LABEL;
			}
			if (!spread.fitsDomain(domain)) {
				return FailureMessage.SPREAD_MISMATCH;
			}
		}
		return null;
	}

	private int compareNodes(int a, int b) {
		int byScore = Double.compare(groupScore(a) + hostScore(a), groupScore(b) + hostScore(b));
		return (byScore != 0) ? byScore : tieBreak(a, b);
	}

	private int compareWithinGroup(int a, int b) {
		int byScore = Double.compare(hostScore(a), hostScore(b));
		return (byScore != 0) ? byScore : tieBreak(a, b);
	}

	private int compareGroups(int a, int b) {
		return compareNodes(this.members.get(a).first(), this.members.get(b).first());
	}

	private int tieBreak(int a, int b) {
		int byMatches = Integer.compare(this.matchCount[a], this.matchCount[b]);
		return (byMatches != 0) ? byMatches : Integer.compare(a, b);
	}

	private double hostScore(int node) {
		return softScore(this.hostSpreads, node);
	}

	/**
	 * The score from constraints on keys other than the hostname: the same for every node
	 * of a group.
	 */
	private double groupScore(int node) {
		return softScore(this.groupSpreads, node);
	}

	/**
	 * The sum of the soft ({@code ScheduleAnyway}) constraints' scores of {@code node}.
	 */
	private static double softScore(List<SpreadCounts> spreads, int node) {
		double score = 0;
		for (SpreadCounts spread : spreads) {
			if (!spread.hard) {
				score += spread.score(spread.domainOf[node]);
			}
		}
		return score;
	}

	/**
	 * A position in one group's sorted nodes.
	 */
	private static final class Cursor {

		private final Iterator<Integer> nodes;

		private int node;

		Cursor(Iterator<Integer> nodes) {
			this.nodes = nodes;
			this.node = nodes.next();
		}

		boolean advance() {
			if (!this.nodes.hasNext()) {
				return false;
			}
			this.node = this.nodes.next();
			return true;
		}

	}

}
