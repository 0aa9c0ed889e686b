package io.trafficlab.export;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LoadBalancerIngressBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.trafficlab.engine.apiserver.DeclaredService;
import io.trafficlab.engine.apiserver.DeclaredServicePort;
import org.jspecify.annotations.Nullable;

/**
 * A declared Service as a fabric8 Service, every field the API server stored included
 * (cluster IP, node ports, health check node port, load-balancer ingress), so the
 * re-imported Service is the same.
 */
final class ServiceExport {

	private ServiceExport() {
	}

	static Service service(DeclaredService service) {
		Integer timeout = service.sessionAffinityTimeoutSeconds();
		ServiceBuilder builder = new ServiceBuilder().withNewMetadata()
			.withNamespace(service.namespace())
			.withName(service.name())
			.withAnnotations(service.annotations().isEmpty() ? null : Metadata.sorted(service.annotations()))
			.endMetadata()
			.withNewSpec()
			.withType(service.type())
			.withSelector(Metadata.sorted(service.selector()))
			.withClusterIP(service.clusterIp())
			.withExternalIPs(service.externalIps())
			.withExternalTrafficPolicy(service.externalTrafficPolicy())
			.withInternalTrafficPolicy(service.internalTrafficPolicy())
			.withHealthCheckNodePort(service.healthCheckNodePort())
			.withSessionAffinity(service.sessionAffinity())
			.withAllocateLoadBalancerNodePorts(service.allocateLoadBalancerNodePorts())
			.withTrafficDistribution(service.trafficDistribution())
			.withLoadBalancerSourceRanges(service.loadBalancerSourceRanges())
			.withPorts(service.ports().stream().map(ServiceExport::port).toList())
			.endSpec();
		if (timeout != null) {
			builder.editSpec()
				.withNewSessionAffinityConfig()
				.withNewClientIP(timeout)
				.endSessionAffinityConfig()
				.endSpec();
		}
		if (service.loadBalancerIngress().isEmpty()) {
			return builder.build();
		}
		return builder.withNewStatus()
			.withNewLoadBalancer()
			.withIngress(service.loadBalancerIngress()
				.stream()
				.map((ingress) -> new LoadBalancerIngressBuilder().withIp(ingress.ip())
					.withHostname(ingress.hostname())
					.withIpMode(ingress.ipMode())
					.build())
				.toList())
			.endLoadBalancer()
			.endStatus()
			.build();
	}

	private static ServicePort port(DeclaredServicePort port) {
		return new ServicePortBuilder().withName(port.name())
			.withProtocol(port.protocol())
			.withPort(port.port())
			.withTargetPort(targetPort(port.targetPort()))
			.withNodePort(port.nodePort())
			.build();
	}

	private static @Nullable IntOrString targetPort(@Nullable String value) {
		if (value == null) {
			return null;
		}
		boolean number = !value.isEmpty() && value.chars().allMatch(Character::isDigit);
		return number ? new IntOrString(Integer.parseInt(value)) : new IntOrString(value);
	}

}
