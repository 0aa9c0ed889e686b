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

	private final String[] first;

	private final Fraction[] firstShare;

	private final @Nullable Map<String, Fraction>[] more;

	private @Nullable Map<String, Fraction> lastSingle;

	private @Nullable String lastSource;

	private @Nullable Fraction lastShare;

	@SuppressWarnings("unchecked")
	KeptSources(int endpointCount) {
		this.first = new String[endpointCount];
		this.firstShare = new Fraction[endpointCount];
		this.more = new Map[endpointCount];
	}

	void add(int position, String source, Fraction share) {
		Map<String, Fraction> map = this.more[position];
		if (map != null) {
			map.merge(source, share, Fraction::plus);
		}
		else if (this.first[position] == null) {
			this.first[position] = source;
			this.firstShare[position] = share;
		}
		else if (this.first[position].equals(source)) {
			this.firstShare[position] = this.firstShare[position].plus(share);
		}
		else {
			map = new LinkedHashMap<>();
			map.put(this.first[position], this.firstShare[position]);
			map.put(source, share);
			this.more[position] = map;
		}
	}

	/** How many sources endpoint {@code position} keeps. */
	int count(int position) {
		Map<String, Fraction> map = this.more[position];
		if (map != null) {
			return map.size();
		}
		return (this.first[position] != null) ? 1 : 0;
	}

	boolean contains(int position, String source) {
		Map<String, Fraction> map = this.more[position];
		return (map != null) ? map.containsKey(source) : source.equals(this.first[position]);
	}

	/** The kept sources of endpoint {@code position}, in the order they arrived. */
	Map<String, Fraction> of(int position) {
		Map<String, Fraction> map = this.more[position];
		if (map != null) {
			return Collections.unmodifiableMap(map);
		}
		String source = this.first[position];
		if (source == null) {
			return Map.of();
		}
		Fraction share = Objects.requireNonNull(this.firstShare[position]);
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
		Map<String, Fraction> map = this.more[position];
		if (map != null) {
			target.putAll(map);
		}
		else if (this.first[position] != null) {
			target.put(this.first[position], this.firstShare[position]);
		}
	}

}
