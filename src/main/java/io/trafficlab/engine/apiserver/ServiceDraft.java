package io.trafficlab.engine.apiserver;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.model.ServiceType;
import io.trafficlab.engine.model.TrafficPolicy;
import org.jspecify.annotations.Nullable;

/**
 * A mutable working copy of a Service while the API server defaults, allocates and
 * validates it. Like the Go object it imitates, an empty string means "not set" for plain
 * string fields and {@code 0} means "not set" for ports.
 */
final class ServiceDraft {

	static final String CLUSTER_IP = ServiceType.CLUSTER_IP.apiName();

	static final String NODE_PORT = ServiceType.NODE_PORT.apiName();

	static final String LOAD_BALANCER = ServiceType.LOAD_BALANCER.apiName();

	static final String EXTERNAL_NAME = ServiceType.EXTERNAL_NAME.apiName();

	static final String LOCAL = TrafficPolicy.LOCAL.apiName();

	static final String CLUSTER = TrafficPolicy.CLUSTER.apiName();

	static final String HEADLESS = Service.HEADLESS_CLUSTER_IP;

	final String namespace;

	final String name;

	@Nullable String type;

	final List<PortDraft> ports = new ArrayList<>();

	Map<String, String> selector;

	@Nullable String clusterIp;

	List<String> externalIps;

	@Nullable String externalTrafficPolicy;

	/** A pointer field in the API: {@code ""} is a (bad) value, not "unset". */
	@Nullable String internalTrafficPolicy;

	int healthCheckNodePort;

	@Nullable String sessionAffinity;

	@Nullable Integer sessionAffinityTimeoutSeconds;

	@Nullable Boolean allocateLoadBalancerNodePorts;

	/** A pointer field in the API: {@code ""} is a (bad) value, not "unset". */
	@Nullable String trafficDistribution;

	List<String> loadBalancerSourceRanges;

	List<LoadBalancerIngress> ingress;

	final Map<String, String> annotations;

	private ServiceDraft(DeclaredService declared) {
		this.namespace = declared.namespace();
		this.name = declared.name();
		this.type = blankToNull(declared.type());
		for (DeclaredServicePort port : declared.ports()) {
			this.ports.add(new PortDraft(port));
		}
		this.selector = declared.selector();
		this.clusterIp = blankToNull(declared.clusterIp());
		this.externalIps = declared.externalIps();
		this.externalTrafficPolicy = blankToNull(declared.externalTrafficPolicy());
		this.internalTrafficPolicy = declared.internalTrafficPolicy();
		this.healthCheckNodePort = orZero(declared.healthCheckNodePort());
		this.sessionAffinity = blankToNull(declared.sessionAffinity());
		this.sessionAffinityTimeoutSeconds = declared.sessionAffinityTimeoutSeconds();
		this.allocateLoadBalancerNodePorts = declared.allocateLoadBalancerNodePorts();
		this.trafficDistribution = declared.trafficDistribution();
		this.loadBalancerSourceRanges = declared.loadBalancerSourceRanges();
		this.ingress = declared.loadBalancerIngress();
		this.annotations = declared.annotations();
	}

	static ServiceDraft of(DeclaredService declared) {
		return new ServiceDraft(declared);
	}

	/** The stored form, as {@code kubectl get -o yaml} would show it. */
	DeclaredService toDeclared() {
		List<DeclaredServicePort> declaredPorts = new ArrayList<>();
		for (PortDraft port : this.ports) {
			declaredPorts.add(new DeclaredServicePort(port.name, port.protocol, port.port, port.targetPort,
					(port.nodePort != 0) ? port.nodePort : null));
		}
		return DeclaredService.builder(this.namespace, this.name)
			.type(this.type)
			.ports(declaredPorts)
			.selector(this.selector)
			.clusterIp(this.clusterIp)
			.externalIps(this.externalIps)
			.externalTrafficPolicy(this.externalTrafficPolicy)
			.internalTrafficPolicy(this.internalTrafficPolicy)
			.healthCheckNodePort((this.healthCheckNodePort != 0) ? this.healthCheckNodePort : null)
			.sessionAffinity(this.sessionAffinity)
			.sessionAffinityTimeoutSeconds(this.sessionAffinityTimeoutSeconds)
			.allocateLoadBalancerNodePorts(this.allocateLoadBalancerNodePorts)
			.trafficDistribution(this.trafficDistribution)
			.loadBalancerSourceRanges(this.loadBalancerSourceRanges)
			.loadBalancerIngress(this.ingress)
			.annotations(this.annotations)
			.build();
	}

	boolean isType(String wanted) {
		return wanted.equals(this.type);
	}

	/**
	 * NodePort or LoadBalancer: the types that get node ports and an external traffic
	 * policy.
	 */
	boolean needsNodePorts() {
		return isType(NODE_PORT) || isType(LOAD_BALANCER);
	}

	/** NodePort, LoadBalancer, or ClusterIP with external IPs (R1). */
	boolean externallyAccessible() {
		return needsNodePorts() || (isType(CLUSTER_IP) && !this.externalIps.isEmpty());
	}

	/** LoadBalancer with {@code externalTrafficPolicy: Local} (R16). */
	boolean needsHealthCheck() {
		return isType(LOAD_BALANCER) && LOCAL.equals(this.externalTrafficPolicy);
	}

	/** Whether ports without a requested node port get one allocated. */
	boolean shouldAllocateNodePorts() {
		if (isType(NODE_PORT)) {
			return true;
		}
		return isType(LOAD_BALANCER) && !Boolean.FALSE.equals(this.allocateLoadBalancerNodePorts);
	}

	boolean headless() {
		return HEADLESS.equals(this.clusterIp);
	}

	List<Integer> nodePorts() {
		List<Integer> used = new ArrayList<>();
		for (PortDraft port : this.ports) {
			if (port.nodePort != 0) {
				used.add(port.nodePort);
			}
		}
		return used;
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return (value == null || value.isEmpty()) ? null : value;
	}

	private static int orZero(@Nullable Integer value) {
		return (value != null) ? value : 0;
	}

	/**
	 * A mutable working copy of one Service port.
	 */
	static final class PortDraft {

		@Nullable String name;

		@Nullable String protocol;

		final int port;

		@Nullable String targetPort;

		int nodePort;

		private PortDraft(DeclaredServicePort declared) {
			this.name = blankToNull(declared.name());
			this.protocol = blankToNull(declared.protocol());
			this.port = declared.port();
			this.targetPort = blankToNull(declared.targetPort());
			this.nodePort = orZero(declared.nodePort());
		}

	}

}
