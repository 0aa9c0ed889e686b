package io.trafficlab.engine.analysis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.trafficlab.engine.model.Fraction;
import org.jspecify.annotations.Nullable;

/**
 * Per endpoint, the sources that reach it unchanged (no SNAT): usually one (the client,
 * or the LB's address in the endpoint's zone), so a map is made only for an endpoint that
 * sees a second one.
 */
final class KeptSources {

	private final int endpointCount;

	// made on the first add: with SNAT on every path (Cluster) nothing is kept
	private Fraction @Nullable [] firstShare;

	/** The one source every add so far has come from (the usual case). */
	private @Nullable String commonSource;

	// made when a second source appears anywhere: each endpoint's first source
	private String @Nullable [] first;

	// made when an endpoint sees a second source
	private @Nullable Map<String, Fraction> @Nullable [] more;

	private @Nullable Map<String, Fraction> lastSingle;

	private @Nullable String lastSource;

	private @Nullable Fraction lastShare;

	KeptSources(int endpointCount) {
		this.endpointCount = endpointCount;
	}

	void add(int position, String source, Fraction share) {
		Fraction[] firstShare = this.firstShare;
		if (firstShare == null) {
			firstShare = new Fraction[this.endpointCount];
			this.firstShare = firstShare;
			this.commonSource = source;
		}
		if (this.first == null && !source.equals(this.commonSource)) {
			this.first = everyFirstFrom(Objects.requireNonNull(this.commonSource), firstShare);
		}
		Map<String, Fraction> map = moreOf(position);
		String firstSource = firstOf(position);
		if (map != null) {
			map.merge(source, share, Fraction::plus);
		}
		else if (firstSource == null) {
			firstShare[position] = share;
			if (this.first != null) {
				this.first[position] = source;
			}
		}
		else if (firstSource.equals(source)) {
			firstShare[position] = firstShare[position].plus(share);
		}
		else {
			map = new LinkedHashMap<>();
			map.put(firstSource, firstShare[position]);
			map.put(source, share);
			moreArray()[position] = map;
		}
	}

	/** The first-source array, once sources differ: the common one where any was kept. */
	private String[] everyFirstFrom(String common, Fraction[] firstShare) {
		String[] sources = new String[this.endpointCount];
		for (int i = 0; i < sources.length; i++) {
			if (firstShare[i] != null) {
				sources[i] = common;
			}
		}
		return sources;
	}

	@SuppressWarnings("unchecked")
	private Map<String, Fraction>[] moreArray() {
		Map<String, Fraction>[] more = this.more;
		if (more == null) {
			more = new Map[this.endpointCount];
			this.more = more;
		}
		return more;
	}

	/** How many sources endpoint {@code position} keeps. */
	int count(int position) {
		Map<String, Fraction> map = moreOf(position);
		if (map != null) {
			return map.size();
		}
		return (firstOf(position) != null) ? 1 : 0;
	}

	boolean contains(int position, String source) {
		Map<String, Fraction> map = moreOf(position);
		return (map != null) ? map.containsKey(source) : source.equals(firstOf(position));
	}

	/** The kept sources of endpoint {@code position}, in the order they arrived. */
	Map<String, Fraction> of(int position) {
		Map<String, Fraction> map = moreOf(position);
		if (map != null) {
			return Collections.unmodifiableMap(map);
		}
		String source = firstOf(position);
		if (source == null) {
			return Map.of();
		}
		Fraction share = Objects.requireNonNull(Objects.requireNonNull(this.firstShare)[position]);
		// the endpoints of one set get the same source and share instance: one map for
		// all of them
		Map<String, Fraction> last = this.lastSingle;
		if (last == null || source != this.lastSource || share != this.lastShare) {
			last = Map.of(source, share);
			this.lastSingle = last;
			this.lastSource = source;
			this.lastShare = share;
		}
		return last;
	}

	/**
	 * Copies the kept sources of endpoint {@code position} into {@code target}, in order.
	 */
	void copyInto(int position, Map<String, Fraction> target) {
		Map<String, Fraction> map = moreOf(position);
		String source = firstOf(position);
		if (map != null) {
			target.putAll(map);
		}
		else if (source != null) {
			target.put(source, Objects.requireNonNull(this.firstShare)[position]);
		}
	}

	private @Nullable Map<String, Fraction> moreOf(int position) {
		Map<String, Fraction>[] more = this.more;
		return (more != null) ? more[position] : null;
	}

	private @Nullable String firstOf(int position) {
		Fraction[] firstShare = this.firstShare;
		if (firstShare == null || firstShare[position] == null) {
			return null;
		}
		String[] first = this.first;
		return (first != null) ? first[position] : this.commonSource;
	}

}
