package io.trafficlab.engine.rules.nftables;

import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.trafficlab.engine.model.Endpoint;

/**
 * A service port's {@code endpoint-…} chain names during one write: each endpoint's name
 * is built once (its hash comes from the writer's cache, {@link NftablesNames}) and
 * looked up by identity afterwards.
 */
final class EndpointChains {

	static final String PREFIX = "endpoint-";

	private final NftablesNames names;

	private final String servicePortName;

	private final int port;

	private final Map<Endpoint, String> chains;

	private final Map<String, Endpoint> all;

	/** Whether two endpoints share an address, so a set's chains need deduplicating. */
	private boolean sharedAddresses;

	/** {@code all}: every endpoint the node reaches ({@code allReachable}). */
	EndpointChains(NftablesNames names, String servicePortName, int port, List<Endpoint> all) {
		this.names = names;
		this.servicePortName = servicePortName;
		this.port = port;
		this.chains = new IdentityHashMap<>(all.size());
		this.all = distinct(all);
		this.sharedAddresses = this.all.size() < all.size();
	}

	/** Every reachable endpoint's chain by name, in order. */
	Map<String, Endpoint> all() {
		return this.all;
	}

	/**
	 * The endpoints of a set that have chains of their own, in order: the set itself
	 * unless two endpoints share an address.
	 */
	List<Endpoint> distinctOf(List<Endpoint> endpoints) {
		return this.sharedAddresses ? List.copyOf(distinct(endpoints).values()) : endpoints;
	}

	/** {@code endpoint-} and the endpoint's base. */
	String chainOf(Endpoint endpoint) {
		String chain = this.chains.get(endpoint);
		if (chain == null) {
			chain = PREFIX + this.names.endpointBase(this.servicePortName, endpoint.ip(), this.port);
			this.chains.put(endpoint, chain);
		}
		return chain;
	}

	/** The base the endpoint's chain and affinity set share. */
	String baseOf(Endpoint endpoint) {
		return chainOf(endpoint).substring(PREFIX.length());
	}

	/** The chains by name, in order; one chain for endpoints with the same address. */
	private Map<String, Endpoint> distinct(List<Endpoint> endpoints) {
		Map<String, Endpoint> distinct = new LinkedHashMap<>(endpoints.size() * 4 / 3 + 1);
		for (int i = 0; i < endpoints.size(); i++) {
			Endpoint endpoint = endpoints.get(i);
			distinct.putIfAbsent(chainOf(endpoint), endpoint);
		}
		return distinct;
	}

}
