package io.trafficlab.engine.cluster;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An EndpointSlice (discovery.k8s.io/v1) as written in a manifest.
 *
 * @param namespace its namespace
 * @param name {@code metadata.name}
 * @param serviceName the {@code kubernetes.io/service-name} label, or {@code null}
 * @param addressType {@code IPv4}, {@code IPv6} or {@code FQDN}
 * @param endpoints {@code endpoints}
 */
public record DeclaredEndpointSlice(String namespace, String name, @Nullable String serviceName, String addressType,
		List<DeclaredEndpoint> endpoints) {

	public DeclaredEndpointSlice {
		endpoints = List.copyOf(endpoints);
	}

}
