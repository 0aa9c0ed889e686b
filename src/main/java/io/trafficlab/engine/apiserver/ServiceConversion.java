package io.trafficlab.engine.apiserver;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.model.ServicePort;
import io.trafficlab.engine.model.ServiceRef;
import io.trafficlab.engine.model.ServiceType;
import io.trafficlab.engine.model.SessionAffinity;
import io.trafficlab.engine.model.Spelled;
import io.trafficlab.engine.model.TrafficDistribution;
import io.trafficlab.engine.model.TrafficPolicy;
import org.jspecify.annotations.Nullable;

/**
 * Turns a stored (defaulted, allocated, validated) Service into the engine's
 * {@link Service}.
 */
final class ServiceConversion {

	private ServiceConversion() {
	}

	static Service toService(ServiceDraft service) {
		List<ServicePort> ports = new ArrayList<>();
		for (ServiceDraft.PortDraft port : service.ports) {
			ports.add(new ServicePort(Objects.requireNonNullElse(port.name, ""),
					Objects.requireNonNullElse(port.protocol, "TCP"), port.port,
					Objects.requireNonNullElse(port.targetPort, String.valueOf(port.port)), port.nodePort));
		}
		List<String> loadBalancerIps = service.ingress.stream()
			.filter(LoadBalancerIngress::programmedByKubeProxy)
			.map(LoadBalancerIngress::ip)
			.filter(Objects::nonNull)
			.toList();
		boolean clientIp = SessionAffinity.CLIENT_IP.apiName().equals(service.sessionAffinity);
		Integer timeout = service.sessionAffinityTimeoutSeconds;
		return new Service(new ServiceRef(service.namespace, service.name), type(service.type), ports, service.selector,
				Objects.requireNonNullElse(service.clusterIp, ServiceDraft.HEADLESS), service.externalIps,
				loadBalancerIps, service.externallyAccessible() ? policy(service.externalTrafficPolicy) : null,
				Objects.requireNonNull(policy(service.internalTrafficPolicy), "internalTrafficPolicy"),
				service.healthCheckNodePort, clientIp ? SessionAffinity.CLIENT_IP : SessionAffinity.NONE,
				(clientIp && timeout != null) ? timeout : 0, service.loadBalancerSourceRanges,
				(service.trafficDistribution != null) ? Spelled.parse(TrafficDistribution.class,
						"spec.trafficDistribution", service.trafficDistribution) : null,
				service.annotations);
	}

	private static ServiceType type(@Nullable String apiName) {
		return Spelled.parse(ServiceType.class, "spec.type", apiName);
	}

	private static @Nullable TrafficPolicy policy(@Nullable String apiName) {
		return (apiName != null) ? Spelled.parse(TrafficPolicy.class, "trafficPolicy", apiName) : null;
	}

}
