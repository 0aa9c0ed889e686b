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

	EndpointChains(NftablesNames names, String servicePortName, int port, int expectedEndpoints) {
		this.names = names;
		this.servicePortName = servicePortName;
		this.port = port;
		this.chains = new IdentityHashMap<>(expectedEndpoints);
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
	Map<String, Endpoint> distinct(List<Endpoint> endpoints) {
		Map<String, Endpoint> distinct = new LinkedHashMap<>(endpoints.size() * 4 / 3 + 1);
		for (int i = 0; i < endpoints.size(); i++) {
			Endpoint endpoint = endpoints.get(i);
			distinct.putIfAbsent(chainOf(endpoint), endpoint);
		}
		return distinct;
	}

}
