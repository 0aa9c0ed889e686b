package io.trafficlab.engine.cluster;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.trafficlab.engine.apiserver.DeclaredService;
import io.trafficlab.engine.apiserver.ServiceRegistry;
import io.trafficlab.engine.endpoint.TopologyHints;
import io.trafficlab.engine.model.Cluster;
import io.trafficlab.engine.model.Endpoint;
import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.model.ServiceRef;

/**
 * Changes a live cluster the way {@code kubectl} would: updating a Service goes through
 * the API server's update rules (R23), for example switching
 * {@code externalTrafficPolicy} to {@code Local} allocates a health-check node port.
 */
public final class ClusterEditor {

	private ClusterEditor() {
	}

	/**
	 * The cluster with one Service replaced by the API server's result of the update.
	 * Start the request from {@link DeclaredService#from(Service)} to change one field.
	 * When {@code trafficDistribution} changes, the Service's endpoint hints are
	 * rewritten as the EndpointSlice controller would (R7).
	 * @throws io.trafficlab.engine.apiserver.InvalidObjectException when the API server
	 * would reject the update
	 */
	public static Cluster updateService(Cluster cluster, DeclaredService request) {
		return update(cluster, request).cluster();
	}

	/**
	 * As {@link #updateService}, with the Service before and after the update.
	 * @throws io.trafficlab.engine.apiserver.InvalidObjectException when the API server
	 * would reject the update or the Service does not exist
	 */
	public static ServiceUpdate update(Cluster cluster, DeclaredService request) {
		ServiceRegistry registry = ServiceRegistry.of(cluster.services());
		Service updated = registry.update(request);
		List<Service> services = new ArrayList<>();
		Service before = null;
		for (Service service : cluster.services()) {
			if (service.ref().equals(updated.ref())) {
				before = service;
				services.add(updated);
			}
			else {
				services.add(service);
			}
		}
		Map<ServiceRef, List<Endpoint>> endpoints = new LinkedHashMap<>(cluster.endpoints());
		if (before != null && !Objects.equals(before.trafficDistribution(), updated.trafficDistribution())) {
			endpoints.put(updated.ref(),
					cluster.endpointsOf(updated.ref())
						.stream()
						.map((endpoint) -> TopologyHints.apply(updated.trafficDistribution(), endpoint))
						.toList());
		}
		return new ServiceUpdate(new Cluster(cluster.nodes(), services, endpoints, cluster.pods()),
				Objects.requireNonNull(before, "before"), updated);
	}

}
