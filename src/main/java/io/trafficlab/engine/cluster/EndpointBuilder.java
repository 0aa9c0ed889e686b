package io.trafficlab.engine.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.trafficlab.engine.apiserver.ObjectValidation;
import io.trafficlab.engine.apiserver.SliceEndpoint;
import io.trafficlab.engine.endpoint.TopologyHints;
import io.trafficlab.engine.model.Endpoint;
import io.trafficlab.engine.model.Node;
import io.trafficlab.engine.model.Pod;
import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.model.ServiceRef;

/**
 * Each Service's endpoints. Declared EndpointSlices (matched by their
 * {@code kubernetes.io/service-name} label) are the truth, as they are for kube-proxy;
 * otherwise the endpoints are derived from the pods the selector matches, as the
 * EndpointSlice controller would write them, with hints per {@code trafficDistribution}
 * (R7, {@link TopologyHints}).
 */
final class EndpointBuilder {

	private EndpointBuilder() {
	}

	static Map<ServiceRef, List<Endpoint>> build(List<Service> services, List<DeclaredEndpointSlice> slices,
			List<Pod> pods, List<Node> nodes, List<String> warnings) {
		Map<ServiceRef, List<DeclaredEndpointSlice>> slicesByService = slicesByService(services, slices, warnings);
		Map<String, Node> nodesByName = new HashMap<>();
		nodes.forEach((node) -> nodesByName.put(node.name(), node));
		Map<ServiceRef, List<Endpoint>> endpoints = new LinkedHashMap<>();
		long total = 0;
		for (Service service : services) {
			List<DeclaredEndpointSlice> own = slicesByService.get(service.ref());
			List<Endpoint> list;
			if (own != null) {
				list = fromSlices(own);
			}
			else if (!service.selector().isEmpty()) {
				list = fromPods(service, pods, nodesByName);
			}
			else {
				warnings.add("Service " + service.ref() + " has no selector and no EndpointSlices, so it has no "
						+ "endpoints.");
				list = List.of();
			}
			total += list.size();
			ClusterLimits.checkEndpoints(total);
			endpoints.put(service.ref(), list);
		}
		return endpoints;
	}

	private static Map<ServiceRef, List<DeclaredEndpointSlice>> slicesByService(List<Service> services,
			List<DeclaredEndpointSlice> slices, List<String> warnings) {
		Set<ServiceRef> known = new LinkedHashSet<>();
		services.forEach((service) -> known.add(service.ref()));
		Map<ServiceRef, List<DeclaredEndpointSlice>> byService = new HashMap<>();
		for (DeclaredEndpointSlice slice : slices) {
			String where = "EndpointSlice " + slice.namespace() + "/" + slice.name();
			if (slice.serviceName() == null) {
				warnings.add(where + " has no kubernetes.io/service-name label; it is ignored.");
				continue;
			}
			ServiceRef ref = new ServiceRef(slice.namespace(), slice.serviceName());
			if (!known.contains(ref)) {
				warnings.add(where + " belongs to Service " + ref + ", which is not in the manifests; it is ignored.");
				continue;
			}
			if (!"IPv4".equals(slice.addressType())) {
				warnings.add(where + " has addressType " + slice.addressType()
						+ "; Traffic Lab models IPv4 only, so it is ignored.");
				continue;
			}
			ObjectValidation.validateEndpointSlice(slice.namespace(), slice.name(), slice.endpoints()
				.stream()
				.map((endpoint) -> new SliceEndpoint(endpoint.addresses(), endpoint.nodeName(), endpoint.zone()))
				.toList());
			byService.computeIfAbsent(ref, (key) -> new ArrayList<>()).add(slice);
		}
		return byService;
	}

	private static List<Endpoint> fromSlices(List<DeclaredEndpointSlice> slices) {
		Map<String, Endpoint> byIp = new LinkedHashMap<>();
		for (DeclaredEndpointSlice slice : slices) {
			for (DeclaredEndpoint endpoint : slice.endpoints()) {
				String ip = endpoint.addresses().get(0);
				byIp.putIfAbsent(ip,
						new Endpoint(ip, endpoint.nodeName(), endpoint.zone(),
								Objects.requireNonNullElse(endpoint.ready(), true),
								Objects.requireNonNullElse(endpoint.serving(), true),
								Objects.requireNonNullElse(endpoint.terminating(), false), endpoint.zoneHints(),
								endpoint.nodeHints(), endpoint.podName()));
			}
		}
		return List.copyOf(byIp.values());
	}

	private static List<Endpoint> fromPods(Service service, List<Pod> pods, Map<String, Node> nodesByName) {
		List<Endpoint> endpoints = new ArrayList<>();
		for (Pod pod : pods) {
			if (!pod.namespace().equals(service.ref().namespace()) || pod.ip() == null || pod.nodeName() == null
					|| !selects(service.selector(), pod.labels())) {
				continue;
			}
			Node node = nodesByName.get(pod.nodeName());
			String zone = (node != null) ? node.zone() : null;
			Endpoint endpoint = new Endpoint(pod.ip(), pod.nodeName(), zone, pod.ready() && !pod.terminating(),
					pod.ready(), pod.terminating(), Set.of(), Set.of(), pod.name());
			endpoints.add(TopologyHints.apply(service.trafficDistribution(), endpoint));
		}
		return endpoints;
	}

	private static boolean selects(Map<String, String> selector, Map<String, String> labels) {
		for (Map.Entry<String, String> wanted : selector.entrySet()) {
			if (!wanted.getValue().equals(labels.get(wanted.getKey()))) {
				return false;
			}
		}
		return true;
	}

}
