package io.trafficlab.engine.analysis;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Set;

import io.trafficlab.engine.model.Fraction;
import org.jspecify.annotations.Nullable;

/**
 * An unmodifiable view of the sources one endpoint sees, computed on first access. Under
 * {@code externalTrafficPolicy: Cluster} an endpoint sees every delivering node's
 * address, so computing these maps eagerly would cost nodes × endpoints.
 */
final class LazySourcesSeen extends AbstractMap<String, Fraction> {

	private final SourcesIndex index;

	private final int position;

	private volatile @Nullable Map<String, Fraction> sources;

	LazySourcesSeen(SourcesIndex index, int position) {
		this.index = index;
		this.position = position;
	}

	private Map<String, Fraction> sources() {
		Map<String, Fraction> result = this.sources;
		if (result == null) {
			result = this.index.sourcesOf(this.position);
			this.sources = result;
		}
		return result;
	}

	@Override
	public Set<Entry<String, Fraction>> entrySet() {
		return sources().entrySet();
	}

	/**
	 * Cheap: counts without building the map, so callers can size a response before
	 * writing it.
	 */
	@Override
	public int size() {
		Map<String, Fraction> result = this.sources;
		return (result != null) ? result.size() : this.index.sourceCount(this.position);
	}

	@Override
	public @Nullable Fraction get(Object key) {
		return sources().get(key);
	}

	@Override
	public boolean containsKey(Object key) {
		return sources().containsKey(key);
	}

}
