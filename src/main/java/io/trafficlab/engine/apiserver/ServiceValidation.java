package io.trafficlab.engine.apiserver;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.trafficlab.engine.model.ServiceType;
import io.trafficlab.engine.model.SessionAffinity;
import io.trafficlab.engine.model.Spelled;
import io.trafficlab.engine.model.TrafficDistribution;
import io.trafficlab.engine.model.TrafficPolicy;
import io.trafficlab.engine.net.Ipv4;
import org.jspecify.annotations.Nullable;

/**
 * kube-apiserver's Service validation ({@code ValidateService},
 * {@code ValidateServiceUpdate}), for the fields the sandbox reads, in the order the API
 * server checks them. Each message is worded as the API server words it (R22).
 */
final class ServiceValidation {

	static final String PORT_RANGE_MESSAGE = "must be between 1 and 65535, inclusive";

	private static final String IP_MESSAGE = "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)";

	private static final String CIDR_MESSAGE = "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)";

	private static final String LOAD_BALANCER_ONLY = "may only be used when `type` is 'LoadBalancer'";

	private static final List<String> TYPES = sorted(ServiceType.class);

	private static final List<String> TRAFFIC_POLICIES = sorted(TrafficPolicy.class);

	private static final List<String> PROTOCOLS = List.of("SCTP", "TCP", "UDP");

	private static final List<String> AFFINITIES = sorted(SessionAffinity.class);

	/**
	 * The values accepted with the PreferSameTrafficDistribution gate on (beta, default
	 * on, since v1.34).
	 */
	private static final List<String> TRAFFIC_DISTRIBUTIONS = sorted(TrafficDistribution.class);

	private static final int MAX_AFFINITY_TIMEOUT_SECONDS = 86400;

	private ServiceValidation() {
	}

	/** The spellings of a value, sorted as kube-apiserver lists supported values. */
	private static <E extends Enum<E> & Spelled> List<String> sorted(Class<E> type) {
		return Spelled.spellings(type).stream().sorted().toList();
	}

	/**
	 * The checks the allocator runs before anything else
	 * ({@code ValidateServiceClusterIPsRelatedFields}): a malformed clusterIP stops the
	 * request before any allocation.
	 */
	static List<FieldError> validateClusterIp(ServiceDraft service) {
		String ip = service.clusterIp;
		if (ip == null || service.headless()) {
			return List.of();
		}
		if (Ipv4.looksLikeIpv6(ip)) {
			return List.of(FieldError.invalid("spec.clusterIPs[0]", GoValue.stringSlice(List.of(ip)),
					"IPv6 is not configured on this cluster"));
		}
		if (!Ipv4.isValid(ip)) {
			return List.of(FieldError.invalid("spec.clusterIPs[0]", GoValue.quote(ip), IP_MESSAGE));
		}
		return List.of();
	}

	/**
	 * {@code ValidateServiceUpdate}: what may not change, then everything
	 * {@link #validate} checks.
	 */
	static List<FieldError> validateUpdate(ServiceDraft service, ServiceDraft old) {
		List<FieldError> errors = new ArrayList<>();
		if (old.clusterIp != null && service.clusterIp != null && !old.clusterIp.equals(service.clusterIp)) {
			errors.add(FieldError.invalid("spec.clusterIPs[0]", GoValue.quote(service.clusterIp),
					"may not change once set"));
		}
		if (old.needsHealthCheck() && service.needsHealthCheck()
				&& old.healthCheckNodePort != service.healthCheckNodePort) {
			errors.add(FieldError.forbidden("spec.healthCheckNodePort", "field is immutable"));
		}
		errors.addAll(validate(service));
		return errors;
	}

	/** {@code ValidateService}. */
	static List<FieldError> validate(ServiceDraft service) {
		List<FieldError> errors = new ArrayList<>();
		validateMetadata(service, errors);
		validatePortsPresent(service, errors);
		validatePorts(service, errors);
		validateSessionAffinity(service, errors);
		validateExternalIps(service, errors);
		validateType(service, errors);
		validateNodePorts(service, errors);
		validateDuplicatePorts(service, errors);
		validateSourceRanges(service, errors);
		validateAllocateLoadBalancerNodePorts(service, errors);
		validateExternalTrafficPolicy(service, errors);
		validateHealthCheckNodePort(service, errors);
		validateInternalTrafficPolicy(service, errors);
		validateTrafficDistribution(service, errors);
		return errors;
	}

	private static void validateMetadata(ServiceDraft service, List<FieldError> errors) {
		if (service.name.isEmpty()) {
			errors.add(FieldError.required("metadata.name", "name or generateName is required"));
		}
		else {
			for (String message : Names.dns1035Label(service.name)) {
				errors.add(FieldError.invalid("metadata.name", GoValue.quote(service.name), message));
			}
		}
		for (String message : Names.dns1123Label(service.namespace)) {
			errors.add(FieldError.invalid("metadata.namespace", GoValue.quote(service.namespace), message));
		}
	}

	private static void validatePortsPresent(ServiceDraft service, List<FieldError> errors) {
		if (service.ports.isEmpty() && !service.headless() && !service.isType(ServiceDraft.EXTERNAL_NAME)) {
			errors.add(FieldError.required("spec.ports", ""));
		}
		if (service.headless() && service.needsNodePorts()) {
			errors.add(FieldError.invalid("spec.clusterIPs[0]", GoValue.quote(ServiceDraft.HEADLESS),
					"may not be set to 'None' for " + service.type + " services"));
		}
	}

	private static void validatePorts(ServiceDraft service, List<FieldError> errors) {
		boolean requireName = service.ports.size() > 1;
		Set<String> names = new HashSet<>();
		for (int i = 0; i < service.ports.size(); i++) {
			ServiceDraft.PortDraft port = service.ports.get(i);
			String path = "spec.ports[" + i + "]";
			if (requireName && port.name == null) {
				errors.add(FieldError.required(path + ".name", ""));
			}
			else if (port.name != null) {
				for (String message : Names.dns1123Label(port.name)) {
					errors.add(FieldError.invalid(path + ".name", GoValue.quote(port.name), message));
				}
				if (!names.add(port.name)) {
					errors.add(FieldError.duplicate(path + ".name", GoValue.quote(port.name)));
				}
			}
			if (port.port < 1 || port.port > 65535) {
				errors.add(FieldError.invalid(path + ".port", String.valueOf(port.port), PORT_RANGE_MESSAGE));
			}
			if (port.protocol == null) {
				errors.add(FieldError.required(path + ".protocol", ""));
			}
			else if (!PROTOCOLS.contains(port.protocol)) {
				errors.add(FieldError.notSupported(path + ".protocol", port.protocol, PROTOCOLS));
			}
			validateTargetPort(port.targetPort, path + ".targetPort", errors);
		}
	}

	private static void validateTargetPort(@Nullable String targetPort, String path, List<FieldError> errors) {
		if (targetPort == null) {
			return;
		}
		if (Names.isNumber(targetPort)) {
			long number = Names.parseNumber(targetPort);
			if (number < 1 || number > 65535) {
				errors.add(FieldError.invalid(path, targetPort, PORT_RANGE_MESSAGE));
			}
			return;
		}
		for (String message : Names.portName(targetPort)) {
			errors.add(FieldError.invalid(path, GoValue.quote(targetPort), message));
		}
	}

	private static void validateSessionAffinity(ServiceDraft service, List<FieldError> errors) {
		String affinity = service.sessionAffinity;
		if (affinity == null) {
			errors.add(FieldError.required("spec.sessionAffinity", ""));
			return;
		}
		if (!AFFINITIES.contains(affinity)) {
			errors.add(FieldError.notSupported("spec.sessionAffinity", affinity, AFFINITIES));
		}
		Integer timeout = service.sessionAffinityTimeoutSeconds;
		if (SessionAffinity.CLIENT_IP.apiName().equals(affinity) && timeout != null
				&& (timeout <= 0 || timeout > MAX_AFFINITY_TIMEOUT_SECONDS)) {
			errors.add(FieldError.invalid("spec.sessionAffinityConfig.clientIP.timeoutSeconds", timeout.toString(),
					"must be greater than 0 and less than " + MAX_AFFINITY_TIMEOUT_SECONDS));
		}
	}

	private static void validateExternalIps(ServiceDraft service, List<FieldError> errors) {
		for (int i = 0; i < service.externalIps.size(); i++) {
			String ip = service.externalIps.get(i);
			String path = "spec.externalIPs[" + i + "]";
			if (Ipv4.looksLikeIpv6(ip)) {
				continue;
			}
			if (!Ipv4.isValid(ip)) {
				errors.add(FieldError.invalid(path, GoValue.quote(ip), IP_MESSAGE));
				continue;
			}
			String special = Names.specialAddress(Ipv4.parse(ip));
			if (special != null) {
				errors.add(FieldError.invalid(path, GoValue.quote(ip), special));
			}
		}
	}

	private static void validateType(ServiceDraft service, List<FieldError> errors) {
		if (service.type == null) {
			errors.add(FieldError.required("spec.type", ""));
		}
		else if (!TYPES.contains(service.type)) {
			errors.add(FieldError.notSupported("spec.type", service.type, TYPES));
		}
		if (service.isType(ServiceDraft.CLUSTER_IP)) {
			for (int i = 0; i < service.ports.size(); i++) {
				if (service.ports.get(i).nodePort != 0) {
					errors.add(FieldError.forbidden("spec.ports[" + i + "].nodePort",
							"may not be used when `type` is 'ClusterIP'"));
				}
			}
		}
	}

	private static void validateNodePorts(ServiceDraft service, List<FieldError> errors) {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < service.ports.size(); i++) {
			ServiceDraft.PortDraft port = service.ports.get(i);
			if (port.nodePort != 0 && !seen.add(port.protocol + "/" + port.nodePort)) {
				errors.add(FieldError.duplicate("spec.ports[" + i + "].nodePort", String.valueOf(port.nodePort)));
			}
		}
	}

	private static void validateDuplicatePorts(ServiceDraft service, List<FieldError> errors) {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < service.ports.size(); i++) {
			ServiceDraft.PortDraft port = service.ports.get(i);
			String protocol = (port.protocol != null) ? port.protocol : "";
			if (!seen.add(protocol + "/" + port.port)) {
				errors.add(FieldError.duplicate("spec.ports[" + i + "]", GoValue.servicePortKey(protocol, port.port)));
			}
		}
	}

	private static void validateSourceRanges(ServiceDraft service, List<FieldError> errors) {
		if (service.loadBalancerSourceRanges.isEmpty()) {
			return;
		}
		String path = "spec.LoadBalancerSourceRanges";
		if (!service.isType(ServiceDraft.LOAD_BALANCER)) {
			errors.add(FieldError.forbidden(path, LOAD_BALANCER_ONLY));
		}
		for (int i = 0; i < service.loadBalancerSourceRanges.size(); i++) {
			String range = service.loadBalancerSourceRanges.get(i).trim();
			if (!Names.isCidr(range)) {
				errors.add(FieldError.invalid(path + "[" + i + "]", GoValue.quote(range), CIDR_MESSAGE));
			}
		}
	}

	private static void validateAllocateLoadBalancerNodePorts(ServiceDraft service, List<FieldError> errors) {
		boolean loadBalancer = service.isType(ServiceDraft.LOAD_BALANCER);
		if (service.allocateLoadBalancerNodePorts != null && !loadBalancer) {
			errors.add(FieldError.forbidden("spec.allocateLoadBalancerNodePorts", LOAD_BALANCER_ONLY));
		}
		if (loadBalancer && service.allocateLoadBalancerNodePorts == null) {
			errors.add(FieldError.required("allocateLoadBalancerNodePorts", ""));
		}
	}

	private static void validateExternalTrafficPolicy(ServiceDraft service, List<FieldError> errors) {
		String policy = service.externalTrafficPolicy;
		String path = "spec.externalTrafficPolicy";
		if (!service.externallyAccessible()) {
			if (policy != null) {
				errors.add(FieldError.invalid(path, GoValue.quote(policy),
						"may only be set for externally-accessible services"));
			}
		}
		else if (policy == null) {
			errors.add(FieldError.required(path, ""));
		}
		else if (!TRAFFIC_POLICIES.contains(policy)) {
			errors.add(FieldError.notSupported(path, policy, TRAFFIC_POLICIES));
		}
	}

	private static void validateHealthCheckNodePort(ServiceDraft service, List<FieldError> errors) {
		int port = service.healthCheckNodePort;
		String path = "spec.healthCheckNodePort";
		if (!service.needsHealthCheck()) {
			if (port != 0) {
				errors.add(FieldError.invalid(path, String.valueOf(port),
						"may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
			}
		}
		else if (port == 0) {
			errors.add(FieldError.required(path, ""));
		}
		else if (port < 1 || port > 65535) {
			errors.add(FieldError.invalid(path, String.valueOf(port), PORT_RANGE_MESSAGE));
		}
	}

	private static void validateInternalTrafficPolicy(ServiceDraft service, List<FieldError> errors) {
		String policy = service.internalTrafficPolicy;
		String path = "spec.internalTrafficPolicy";
		boolean proxied = service.isType(ServiceDraft.CLUSTER_IP) || service.needsNodePorts();
		if (policy == null && proxied) {
			errors.add(FieldError.required(path, ""));
		}
		if (policy != null && !TRAFFIC_POLICIES.contains(policy)) {
			errors.add(FieldError.notSupported(path, policy, TRAFFIC_POLICIES));
		}
	}

	private static void validateTrafficDistribution(ServiceDraft service, List<FieldError> errors) {
		String distribution = service.trafficDistribution;
		if (distribution != null && !TRAFFIC_DISTRIBUTIONS.contains(distribution)) {
			errors.add(FieldError.notSupported("spec.trafficDistribution", distribution, TRAFFIC_DISTRIBUTIONS));
		}
	}

}
