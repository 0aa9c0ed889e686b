package io.trafficlab.engine.scheduling;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.trafficlab.engine.model.Node;

import org.jspecify.annotations.Nullable;

/**
 * One topology spread constraint's domains and the matching-pod count of each, kept up to
 * date as replicas are placed, with the least populated eligible domain tracked through a
 * histogram of counts.
 */
final class SpreadCounts {

	private final List<Node> nodes;

	private final PodRequirements pod;

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
	private int[] histogram;

	private int minCount;

	private final double weight;

	SpreadCounts(TopologySpreadConstraint constraint, List<PlacedPod> placed, List<Node> nodes, PodRequirements pod,
			@Nullable String[] staticReason) {
		this.nodes = nodes;
		this.pod = pod;
		this.constraint = constraint;
		this.hard = constraint.hard();
		this.hostname = TopologySpreadConstraint.HOSTNAME.equals(constraint.topologyKey());
		LabelSelector selector = constraint.selectorFor(pod.labels());
		this.selfMatch = (selector != null && selector.matches(this.pod.labels())) ? 1 : 0;
		int nodeCount = this.nodes.size();
		this.domainOf = new int[nodeCount];
		this.eligibleNode = new boolean[nodeCount];
		Map<String, Integer> domains = new HashMap<>();
		boolean unique = true;
		Set<Integer> candidateDomains = new HashSet<>();
		for (int i = 0; i < nodeCount; i++) {
			Node node = this.nodes.get(i);
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
			if (staticReason[i] == null) {
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

	/**
	 * The spreading score of a node in the domain: lower is better; nodes without the key
	 * come last.
	 */
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
		if (this.constraint.honorsNodeAffinity() && !NodeFit.matchesSelector(node, this.pod.nodeSelector())) {
			return false;
		}
		return !this.constraint.honorsTaints() || NodeFit.untoleratedTaint(node, this.pod.tolerations()) == null;
	}

	private boolean counts(PlacedPod other, @Nullable LabelSelector selector) {
		return selector != null && !other.terminating() && this.domainOf[other.node()] >= 0
				&& this.eligibleNode[other.node()] && other.namespace().equals(this.pod.namespace())
				&& selector.matches(other.labels());
	}

}
