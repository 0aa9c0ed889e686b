package io.trafficlab.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.trafficlab.engine.balancer.ClusterSetup;
import io.trafficlab.engine.balancer.Dataplane;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.model.ServiceType;
import io.trafficlab.engine.net.NetworkModel;

/**
 * The sandbox's load balancer and dataplane as a real cluster declares them
 * ({@link ClusterSetup}): a header that names both, the controller's annotations on each
 * LoadBalancer Service, MetalLB's address pool and advertisement, and Cilium's options.
 */
final class SetupExport {

	/** The addresses the sandbox gives LoadBalancer Services, from the lowest up. */
	static final String POOL_ADDRESSES = "198.51.100.10-198.51.100.250";

	private static final String POOL_NAME = "traffic-lab";

	private SetupExport() {
	}

	/** Comment lines naming the setup; YAML readers skip them. */
	static String header(LoadBalancerKind kind, Dataplane dataplane, NetworkModel network) {
		String trace = switch (kind) {
			case AWS_CLB, AZURE, GENERIC ->
				" The cloud provider picks this load balancer for every LoadBalancer Service: "
						+ "nothing below names it.";
			default -> "";
		};
		return "# Traffic Lab sandbox: load balancer " + kind.apiName() + " (" + kind.label() + "), dataplane "
				+ dataplane.apiName() + "." + trace + "\n# Pod network: " + network.apiName() + " (" + network.label()
				+ "), which decides the address kube-proxy's SNAT gives.\n";
	}

	/**
	 * The Service with the annotations that ask the controller for {@code kind}: those a
	 * choice writes follow the sandbox's choice, the others stay.
	 */
	static Service annotated(Service service, LoadBalancerKind kind) {
		if (!ServiceType.LOAD_BALANCER.apiName().equals(service.getSpec().getType())) {
			return service;
		}
		Map<String, String> annotations = new LinkedHashMap<>();
		if (service.getMetadata().getAnnotations() != null) {
			annotations.putAll(service.getMetadata().getAnnotations());
		}
		annotations.keySet().removeAll(ClusterSetup.CHOICE_ANNOTATIONS);
		annotations.putAll(ClusterSetup.serviceAnnotations(kind));
		return new ServiceBuilder(service).editMetadata()
			.withAnnotations(annotations.isEmpty() ? null : Metadata.sorted(annotations))
			.endMetadata()
			.build();
	}

	/**
	 * MetalLB's and Cilium's objects for the setup, none for a cloud LB on kube-proxy.
	 */
	static List<HasMetadata> objects(LoadBalancerKind kind, Dataplane dataplane) {
		List<HasMetadata> objects = new ArrayList<>();
		if (kind == LoadBalancerKind.METALLB_L2 || kind == LoadBalancerKind.METALLB_BGP) {
			objects.add(metallb(ClusterSetup.IP_ADDRESS_POOL, Map.of("addresses", List.of(POOL_ADDRESSES))));
			objects.add(metallb((kind == LoadBalancerKind.METALLB_L2) ? ClusterSetup.L2_ADVERTISEMENT
					: ClusterSetup.BGP_ADVERTISEMENT, Map.of("ipAddressPools", List.of(POOL_NAME))));
		}
		Map<String, String> cilium = ClusterSetup.ciliumConfig(dataplane);
		if (!cilium.isEmpty()) {
			objects.add(new ConfigMapBuilder().withNewMetadata()
				.withNamespace(ClusterSetup.KUBE_SYSTEM)
				.withName(ClusterSetup.CILIUM_CONFIG)
				.endMetadata()
				.withData(cilium)
				.build());
		}
		return objects;
	}

	private static HasMetadata metallb(String kind, Map<String, Object> spec) {
		return new GenericKubernetesResourceBuilder().withApiVersion(ClusterSetup.METALLB_API_VERSION)
			.withKind(kind)
			.withNewMetadata()
			.withNamespace(ClusterSetup.METALLB_NAMESPACE)
			.withName(POOL_NAME)
			.endMetadata()
			.addToAdditionalProperties("spec", spec)
			.build();
	}

}
