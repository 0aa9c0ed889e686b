package io.trafficlab.engine.apiserver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.model.ServicePort;
import io.trafficlab.engine.model.ServiceRef;
import io.trafficlab.engine.model.ServiceType;
import io.trafficlab.engine.model.TrafficPolicy;
import org.jspecify.annotations.Nullable;

/**
 * A Service as written in a manifest, before the API server defaults, allocates and
 * validates it. Every field the user may leave out is {@code null} (or empty). Values are
 * kept as written ({@code "LoadBalancer"}, {@code "Local"}) so that unsupported ones can
 * be rejected with kube-apiserver's wording.
 *
 * @param namespace the namespace ({@code default} when the manifest has none)
 * @param name {@code metadata.name}
 * @param type {@code spec.type}
 * @param ports {@code spec.ports}
 * @param selector {@code spec.selector}, empty when none
 * @param clusterIp {@code spec.clusterIP}
 * @param externalIps {@code spec.externalIPs}
 * @param externalTrafficPolicy {@code spec.externalTrafficPolicy}
 * @param internalTrafficPolicy {@code spec.internalTrafficPolicy}
 * @param healthCheckNodePort {@code spec.healthCheckNodePort}
 * @param sessionAffinity {@code spec.sessionAffinity}
 * @param sessionAffinityTimeoutSeconds
 * {@code spec.sessionAffinityConfig.clientIP.timeoutSeconds}
 * @param allocateLoadBalancerNodePorts {@code spec.allocateLoadBalancerNodePorts}
 * @param trafficDistribution {@code spec.trafficDistribution}
 * @param loadBalancerSourceRanges {@code spec.loadBalancerSourceRanges}
 * @param loadBalancerIngress {@code status.loadBalancer.ingress}
 * @param annotations {@code metadata.annotations}, empty when none
 */
public record DeclaredService(String namespace, String name, @Nullable String type, List<DeclaredServicePort> ports,
		Map<String, String> selector, @Nullable String clusterIp, List<String> externalIps,
		@Nullable String externalTrafficPolicy, @Nullable String internalTrafficPolicy,
		@Nullable Integer healthCheckNodePort, @Nullable String sessionAffinity,
		@Nullable Integer sessionAffinityTimeoutSeconds, @Nullable Boolean allocateLoadBalancerNodePorts,
		@Nullable String trafficDistribution, List<String> loadBalancerSourceRanges,
		List<LoadBalancerIngress> loadBalancerIngress, Map<String, String> annotations) {

	public DeclaredService {
		ports = List.copyOf(ports);
		selector = Map.copyOf(selector);
		externalIps = List.copyOf(externalIps);
		loadBalancerSourceRanges = List.copyOf(loadBalancerSourceRanges);
		loadBalancerIngress = List.copyOf(loadBalancerIngress);
		annotations = Map.copyOf(annotations);
	}

	/** A builder for a Service in the given namespace, with nothing else set. */
	public static Builder builder(String namespace, String name) {
		return new Builder(namespace, name);
	}

	/**
	 * The stored form of a Service, as {@code kubectl get -o yaml} would show it: the
	 * starting point for an update. {@code allocateLoadBalancerNodePorts} is inferred (a
	 * LoadBalancer without node ports had it set to false).
	 */
	public static DeclaredService from(Service service) {
		List<DeclaredServicePort> ports = new ArrayList<>();
		for (ServicePort port : service.ports()) {
			ports.add(new DeclaredServicePort(port.name().isEmpty() ? null : port.name(), port.protocol(), port.port(),
					port.targetPort(), (port.nodePort() != 0) ? port.nodePort() : null));
		}
		boolean loadBalancer = service.type() == ServiceType.LOAD_BALANCER;
		Boolean allocate = loadBalancer ? service.ports().stream().anyMatch((port) -> port.nodePort() != 0) : null;
		TrafficPolicy external = service.externalTrafficPolicy();
		return builder(service.ref().namespace(), service.ref().name()).type(service.type().apiName())
			.ports(ports)
			.selector(service.selector())
			.clusterIp(service.clusterIp())
			.externalIps(service.externalIps())
			.externalTrafficPolicy((external != null) ? external.apiName() : null)
			.internalTrafficPolicy(service.internalTrafficPolicy().apiName())
			.healthCheckNodePort((service.healthCheckNodePort() != 0) ? service.healthCheckNodePort() : null)
			.sessionAffinity(service.sessionAffinity().apiName())
			.sessionAffinityTimeoutSeconds(
					(service.sessionAffinityTimeoutSeconds() != 0) ? service.sessionAffinityTimeoutSeconds() : null)
			.allocateLoadBalancerNodePorts(allocate)
			.trafficDistribution(
					(service.trafficDistribution() != null) ? service.trafficDistribution().apiName() : null)
			.loadBalancerSourceRanges(service.loadBalancerSourceRanges())
			.loadBalancerIngress(service.loadBalancerIps().stream().map(LoadBalancerIngress::vip).toList())
			.annotations(service.annotations())
			.build();
	}

	/** Namespace and name. */
	public ServiceRef ref() {
		return new ServiceRef(this.namespace, this.name);
	}

	/** Whether {@code spec.type} is {@code type}. */
	public boolean isType(ServiceType type) {
		return type.apiName().equals(this.type);
	}

	/**
	 * Whether the Service is headless ({@code clusterIP: None}), which kube-proxy
	 * ignores.
	 */
	public boolean headless() {
		return ServiceDraft.HEADLESS.equals(this.clusterIp);
	}

	/** The same Service with another {@code spec.type}. */
	public DeclaredService withType(@Nullable String newType) {
		return toBuilder().type(newType).build();
	}

	/** The same Service with another {@code spec.externalTrafficPolicy}. */
	public DeclaredService withExternalTrafficPolicy(@Nullable String policy) {
		return toBuilder().externalTrafficPolicy(policy).build();
	}

	/** The same Service with another {@code spec.internalTrafficPolicy}. */
	public DeclaredService withInternalTrafficPolicy(@Nullable String policy) {
		return toBuilder().internalTrafficPolicy(policy).build();
	}

	/** The same Service with another {@code spec.healthCheckNodePort}. */
	public DeclaredService withHealthCheckNodePort(@Nullable Integer port) {
		return toBuilder().healthCheckNodePort(port).build();
	}

	/** The same Service with another {@code spec.trafficDistribution}. */
	public DeclaredService withTrafficDistribution(@Nullable String distribution) {
		return toBuilder().trafficDistribution(distribution).build();
	}

	/** A builder holding every value of this Service. */
	public Builder toBuilder() {
		return new Builder(this.namespace, this.name).type(this.type)
			.ports(this.ports)
			.selector(this.selector)
			.clusterIp(this.clusterIp)
			.externalIps(this.externalIps)
			.externalTrafficPolicy(this.externalTrafficPolicy)
			.internalTrafficPolicy(this.internalTrafficPolicy)
			.healthCheckNodePort(this.healthCheckNodePort)
			.sessionAffinity(this.sessionAffinity)
			.sessionAffinityTimeoutSeconds(this.sessionAffinityTimeoutSeconds)
			.allocateLoadBalancerNodePorts(this.allocateLoadBalancerNodePorts)
			.trafficDistribution(this.trafficDistribution)
			.loadBalancerSourceRanges(this.loadBalancerSourceRanges)
			.loadBalancerIngress(this.loadBalancerIngress)
			.annotations(this.annotations);
	}

	/**
	 * Builds a {@link DeclaredService} field by field.
	 */
	public static final class Builder {

		private final String namespace;

		private final String name;

		private @Nullable String type;

		private List<DeclaredServicePort> ports = List.of();

		private Map<String, String> selector = Map.of();

		private @Nullable String clusterIp;

		private List<String> externalIps = List.of();

		private @Nullable String externalTrafficPolicy;

		private @Nullable String internalTrafficPolicy;

		private @Nullable Integer healthCheckNodePort;

		private @Nullable String sessionAffinity;

		private @Nullable Integer sessionAffinityTimeoutSeconds;

		private @Nullable Boolean allocateLoadBalancerNodePorts;

		private @Nullable String trafficDistribution;

		private List<String> loadBalancerSourceRanges = List.of();

		private List<LoadBalancerIngress> loadBalancerIngress = List.of();

		private Map<String, String> annotations = Map.of();

		private Builder(String namespace, String name) {
			this.namespace = namespace;
			this.name = name;
		}

		public Builder type(@Nullable String type) {
			this.type = type;
			return this;
		}

		public Builder ports(List<DeclaredServicePort> ports) {
			this.ports = List.copyOf(ports);
			return this;
		}

		public Builder port(DeclaredServicePort port) {
			List<DeclaredServicePort> more = new ArrayList<>(this.ports);
			more.add(port);
			this.ports = more;
			return this;
		}

		public Builder selector(Map<String, String> selector) {
			this.selector = new LinkedHashMap<>(selector);
			return this;
		}

		public Builder clusterIp(@Nullable String clusterIp) {
			this.clusterIp = clusterIp;
			return this;
		}

		public Builder externalIps(List<String> externalIps) {
			this.externalIps = List.copyOf(externalIps);
			return this;
		}

		public Builder externalTrafficPolicy(@Nullable String policy) {
			this.externalTrafficPolicy = policy;
			return this;
		}

		public Builder internalTrafficPolicy(@Nullable String policy) {
			this.internalTrafficPolicy = policy;
			return this;
		}

		public Builder healthCheckNodePort(@Nullable Integer port) {
			this.healthCheckNodePort = port;
			return this;
		}

		public Builder sessionAffinity(@Nullable String affinity) {
			this.sessionAffinity = affinity;
			return this;
		}

		public Builder sessionAffinityTimeoutSeconds(@Nullable Integer seconds) {
			this.sessionAffinityTimeoutSeconds = seconds;
			return this;
		}

		public Builder allocateLoadBalancerNodePorts(@Nullable Boolean allocate) {
			this.allocateLoadBalancerNodePorts = allocate;
			return this;
		}

		public Builder trafficDistribution(@Nullable String distribution) {
			this.trafficDistribution = distribution;
			return this;
		}

		public Builder loadBalancerSourceRanges(List<String> ranges) {
			this.loadBalancerSourceRanges = List.copyOf(ranges);
			return this;
		}

		public Builder loadBalancerIngress(List<LoadBalancerIngress> ingress) {
			this.loadBalancerIngress = List.copyOf(ingress);
			return this;
		}

		public Builder annotations(Map<String, String> annotations) {
			this.annotations = new LinkedHashMap<>(annotations);
			return this;
		}

		public DeclaredService build() {
			return new DeclaredService(this.namespace, this.name, this.type, this.ports, this.selector, this.clusterIp,
					this.externalIps, this.externalTrafficPolicy, this.internalTrafficPolicy, this.healthCheckNodePort,
					this.sessionAffinity, this.sessionAffinityTimeoutSeconds, this.allocateLoadBalancerNodePorts,
					this.trafficDistribution, this.loadBalancerSourceRanges, this.loadBalancerIngress,
					this.annotations);
		}

	}

}
