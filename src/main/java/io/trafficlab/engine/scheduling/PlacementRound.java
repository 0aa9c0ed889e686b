package io.trafficlab.engine.scheduling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;

import io.trafficlab.engine.model.Node;

import org.jspecify.annotations.Nullable;

/**
 * Places the replicas of one pod template. The state that changes between replicas (pods per node, matching pods per
 * topology domain, each constraint's least populated domain) is kept in counters, and the candidate nodes in sorted
 * sets, so that a placement costs about {@code log(nodes)} instead of a scan of every node.
 *
 * <p>
 * Sorted sets are used when there is at most one topology key other than the hostname (typically the zone): nodes are
 * grouped by that key, each group keeps its nodes in preference order, and the groups are merged lazily, best first.
 * Other layouts fall back to checking every node for each replica.
 */
final class PlacementRound {

	private final List<Node> nodes;

	private final int[] podCount;

	private final int maxPods;

	private final PodRequirements pod;

	private final @Nullable String[] staticReason;

	private final List<Spread> spreads = new ArrayList<>();

	private final @Nullable LabelSelector ownerSelector;

	private final int ownerSelfMatch;

	private final int[] matchCount;

	private final boolean sorted;

	private final int[] groupOf;

	private final int noKeyGroup;

	private final List<Spread> hostSpreads = new ArrayList<>();

	private final List<Spread> groupSpreads = new ArrayList<>();

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
			this.spreads.add(new Spread(constraint, placed));
		}
		countOwnerMatches(placed);
		Set<String> groupKeys = new HashSet<>();
		boolean uniqueHosts = true;
		for (Spread spread : this.spreads) {
			if (spread.hostname) {
				uniqueHosts &= spread.oneNodePerDomain;
			}
			else {
				groupKeys.add(spread.constraint.topologyKey());
			}
		}
		this.sorted = !scanOnly && uniqueHosts && groupKeys.size() <= 1;
		this.groupOf = new int[nodes.size()];
		Spread grouping = null;
		for (Spread spread : this.spreads) {
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
		for (Spread spread : this.spreads) {
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
		for (Spread spread : this.groupSpreads) {
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
		for (Spread spread : this.hostSpreads) {
			if (spread.hard && (spread.domainOf[node] < 0 || !spread.fitsDomain(spread.domainOf[node]))) {
				return false;
			}
		}
		return true;
	}

	private @Nullable String spreadReason(int node) {
		for (Spread spread : this.spreads) {
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
		double score = 0;
		for (Spread spread : this.hostSpreads) {
			if (!spread.hard) {
				score += spread.score(spread.domainOf[node]);
			}
		}
		return score;
	}

	/** The score from constraints on keys other than the hostname: the same for every node of a group. */
	private double groupScore(int node) {
		double score = 0;
		for (Spread spread : this.groupSpreads) {
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

	/**
	 * One spread constraint's domains and matching-pod counts.
	 */
	private final class Spread {

		final TopologySpreadConstraint constraint;

		final boolean hard;

		final boolean hostname;

		final int selfMatch;

		final int[] domainOf;

		final int domainCount;

		final boolean oneNodePerDomain;

		private final boolean[] eligibleNode;

		private final boolean[] eligibleDomain;

		private final int eligibleDomainCount;

		private final int[] counts;

		/** How many eligible domains hold each count. */
		private int[] histogram = new int[8];

		private int minCount;

		private final double weight;

		Spread(TopologySpreadConstraint constraint, List<PlacedPod> placed) {
			this.constraint = constraint;
			this.hard = constraint.hard();
			this.hostname = TopologySpreadConstraint.HOSTNAME.equals(constraint.topologyKey());
			LabelSelector selector = constraint.labelSelector();
			this.selfMatch = (selector != null && selector.matches(PlacementRound.this.pod.labels())) ? 1 : 0;
			int nodeCount = PlacementRound.this.nodes.size();
			this.domainOf = new int[nodeCount];
			this.eligibleNode = new boolean[nodeCount];
			Map<String, Integer> domains = new HashMap<>();
			boolean unique = true;
			Set<Integer> candidateDomains = new HashSet<>();
			for (int i = 0; i < nodeCount; i++) {
				Node node = PlacementRound.this.nodes.get(i);
				String value = node.labels().get(constraint.topologyKey());
				if (value == null) {
					this.domainOf[i] = -1;
					continue;
				}
				Integer known = domains.get(value);
				unique &= (known == null);
				this.domainOf[i] = (known != null) ? known : domains.size();
				domains.putIfAbsent(value, this.domainOf[i]);
				this.eligibleNode[i] = eligible(node);
				if (PlacementRound.this.staticReason[i] == null) {
					candidateDomains.add(this.domainOf[i]);
				}
			}
			this.domainCount = domains.size();
			this.oneNodePerDomain = unique;
			this.eligibleDomain = new boolean[this.domainCount];
			int eligibleDomains = 0;
			for (int i = 0; i < nodeCount; i++) {
				if (this.eligibleNode[i] && !this.eligibleDomain[this.domainOf[i]]) {
					this.eligibleDomain[this.domainOf[i]] = true;
					eligibleDomains++;
				}
			}
			this.eligibleDomainCount = eligibleDomains;
			this.counts = new int[this.domainCount];
			for (PlacedPod other : placed) {
				if (counts(other, selector)) {
					this.counts[this.domainOf[other.node()]]++;
				}
			}
			this.histogram = new int[Math.max(8, Arrays.stream(this.counts).max().orElse(0) + 2)];
			for (int domain = 0; domain < this.domainCount; domain++) {
				if (this.eligibleDomain[domain]) {
					this.histogram[this.counts[domain]]++;
				}
			}
			this.minCount = 0;
			while (this.eligibleDomainCount > 0 && this.histogram[this.minCount] == 0) {
				this.minCount++;
			}
			this.weight = Math.log(candidateDomains.size() + 2);
		}

		/** Whether one more pod (this one) in the domain keeps the skew within maxSkew. */
		boolean fitsDomain(int domain) {
			return this.counts[domain] + this.selfMatch - globalMin() <= this.constraint.maxSkew();
		}

		/** The spreading score of a node in the domain: lower is better; nodes without the key come last. */
		double score(int domain) {
			return (domain < 0) ? Double.POSITIVE_INFINITY : this.counts[domain] * this.weight;
		}

		void addSelfOn(int node) {
			int domain = this.domainOf[node];
			if (this.selfMatch == 0 || domain < 0 || !this.eligibleNode[node]) {
				return;
			}
			int old = this.counts[domain]++;
			if (old + 2 > this.histogram.length) {
				this.histogram = Arrays.copyOf(this.histogram, this.histogram.length * 2);
			}
			this.histogram[old]--;
			this.histogram[old + 1]++;
			if (old == this.minCount && this.histogram[old] == 0) {
				this.minCount++;
			}
		}

		private int globalMin() {
			Integer minDomains = this.constraint.minDomains();
			if (minDomains != null && this.eligibleDomainCount < minDomains) {
				return 0;
			}
			return this.minCount;
		}

		private boolean eligible(Node node) {
			if (this.constraint.honorsNodeAffinity()
					&& !NodeFit.matchesSelector(node, PlacementRound.this.pod.nodeSelector())) {
				return false;
			}
			return !this.constraint.honorsTaints()
					|| NodeFit.untoleratedTaint(node, PlacementRound.this.pod.tolerations()) == null;
		}

		private boolean counts(PlacedPod other, @Nullable LabelSelector selector) {
			return selector != null && !other.terminating() && this.domainOf[other.node()] >= 0
					&& this.eligibleNode[other.node()] && other.namespace().equals(PlacementRound.this.pod.namespace())
					&& selector.matches(other.labels());
		}

	}

}
