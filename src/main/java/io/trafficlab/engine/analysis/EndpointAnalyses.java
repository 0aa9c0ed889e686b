package io.trafficlab.engine.analysis;

import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;

import io.trafficlab.engine.model.Endpoint;
import io.trafficlab.engine.model.Fraction;

/**
 * An unmodifiable view of what each endpoint of a Service receives, read from the arrays
 * {@link ExternalFlow} filled. An element is built when it is read, so the analysis of a
 * large Service does not keep (or allocate) one result object per endpoint for callers
 * that read a few, count, or stream them once into a response.
 */
final class EndpointAnalyses extends AbstractList<EndpointAnalysis> implements RandomAccess {

	private final List<Endpoint> endpoints;

	private final Fraction[] shares;

	private final boolean[] reachedThroughNodes;

	private final KeptSources kept;

	private final SourcesIndex index;

	EndpointAnalyses(List<Endpoint> endpoints, Fraction[] shares, boolean[] reachedThroughNodes, KeptSources kept,
			SourcesIndex index) {
		this.endpoints = endpoints;
		this.shares = shares;
		this.reachedThroughNodes = reachedThroughNodes;
		this.kept = kept;
		this.index = index;
	}

	@Override
	public EndpointAnalysis get(int position) {
		Fraction share = this.shares[position];
		return new EndpointAnalysis(this.endpoints.get(position), share, sourcesOf(position, share));
	}

	private Map<String, Fraction> sourcesOf(int position, Fraction share) {
		if (share.isZero()) {
			return Map.of();
		}
		if (!this.reachedThroughNodes[position]) {
			// no SNAT on the way: the client's address, or the LB's
			return this.kept.of(position);
		}
		return new LazySourcesSeen(this.index, position);
	}

	@Override
	public int size() {
		return this.endpoints.size();
	}

}
