package io.trafficlab.engine.apiserver;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import io.trafficlab.engine.model.Taint;
import io.trafficlab.engine.net.Ipv4;
import io.trafficlab.engine.scheduling.LabelSelector;
import io.trafficlab.engine.scheduling.TopologySpreadConstraint;

import org.jspecify.annotations.Nullable;

/**
 * The API server's checks on the other objects the sandbox reads (workloads, Pods, Nodes,
 * EndpointSlices), limited to the fields it uses, worded as kube-apiserver words them,
 * e.g. {@code Deployment.apps "web" is invalid:
 * spec.replicas: Invalid value: -1: must be greater than or equal to 0}.
 */
public final class ObjectValidation {

	private static final List<String> SCHEDULE_ACTIONS = List.of("DoNotSchedule", "ScheduleAnyway");

	private static final List<String> INCLUSION_POLICIES = List.of("Honor", "Ignore");

	private static final IntOrPercent DEFAULT_ROLLING_PERCENT = new IntOrPercent(null, "25%");

	private ObjectValidation() {
	}

	/**
	 * A Deployment, ReplicaSet, StatefulSet or DaemonSet.
	 * @param qualifiedKind the kind with its group, e.g. {@code Deployment.apps}
	 * @param replicas {@code spec.replicas}, or {@code null} (DaemonSets have none)
	 * @throws InvalidObjectException when kube-apiserver would reject it
	 */
	public static void validateWorkload(String qualifiedKind, String namespace, String name, @Nullable Integer replicas,
			@Nullable LabelSelector selector, Map<String, String> templateLabels, Map<String, String> nodeSelector,
			List<TopologySpreadConstraint> spreadConstraints) {
		List<FieldError> errors = metadataErrors(namespace, name, Map.of());
		if (replicas != null && replicas < 0) {
			errors.add(FieldError.invalid("spec.replicas", replicas.toString(), "must be greater than or equal to 0"));
		}
		if (selector == null) {
			errors.add(FieldError.required("spec.selector", ""));
		}
		else {
			errors.addAll(selectorErrors("spec.selector", selector));
			if (!selector.isEmpty() && !selector.matches(templateLabels)) {
				errors.add(FieldError.invalid("spec.template.metadata.labels", GoValue.stringMap(templateLabels),
						"`selector` does not match template `labels`"));
			}
		}
		errors.addAll(labelErrors("spec.template.metadata.labels", templateLabels));
		errors.addAll(labelErrors("spec.template.spec.nodeSelector", nodeSelector));
		errors.addAll(spreadConstraintErrors("spec.template.spec.topologySpreadConstraints", spreadConstraints));
		reject(qualifiedKind, name, errors);
	}

	/**
	 * A Deployment's {@code spec.strategy} as {@code ValidateDeploymentStrategy} checks
	 * it: {@code Recreate} without {@code rollingUpdate}, or {@code RollingUpdate} (the
	 * default type) whose values, after defaulting ({@code null}: 25 %), pass
	 * {@code ValidateRollingUpdateDeployment}. An unknown type is quoted where
	 * kube-apiserver prints the whole strategy struct.
	 * @throws InvalidObjectException when kube-apiserver would reject it
	 */
	public static void validateStrategy(String name, String type, boolean rollingUpdateGiven,
			@Nullable IntOrPercent maxSurge, @Nullable IntOrPercent maxUnavailable) {
		List<FieldError> errors = new ArrayList<>();
		if (type.equals("Recreate")) {
			if (rollingUpdateGiven) {
				errors.add(FieldError.forbidden("spec.strategy.rollingUpdate",
						"may not be specified when strategy `type` is 'Recreate'"));
			}
		}
		else if (type.equals("RollingUpdate")) {
			errors.addAll(rollingUpdateErrors(maxSurge, maxUnavailable));
		}
		else {
			errors.add(FieldError.notSupported("spec.strategy", type, List.of("Recreate", "RollingUpdate")));
		}
		reject("Deployment.apps", name, errors);
	}

	private static List<FieldError> rollingUpdateErrors(@Nullable IntOrPercent maxSurge,
			@Nullable IntOrPercent maxUnavailable) {
		String path = "spec.strategy.rollingUpdate.";
		IntOrPercent surge = (maxSurge != null) ? maxSurge : DEFAULT_ROLLING_PERCENT;
		IntOrPercent unavailable = (maxUnavailable != null) ? maxUnavailable : DEFAULT_ROLLING_PERCENT;
		List<FieldError> errors = new ArrayList<>(intOrPercentErrors(path + "maxUnavailable", unavailable));
		errors.addAll(intOrPercentErrors(path + "maxSurge", surge));
		if (unavailable.value() == 0 && surge.value() == 0) {
			errors.add(FieldError.invalid(path + "maxUnavailable", unavailable.printed(),
					"may not be 0 when `maxSurge` is 0"));
		}
		if (unavailable.isPercent() && unavailable.value() > 100) {
			errors.add(FieldError.invalid(path + "maxUnavailable", unavailable.printed(),
					"must not be greater than 100%"));
		}
		return errors;
	}

	/** {@code ValidatePositiveIntOrPercent}. */
	private static List<FieldError> intOrPercentErrors(String field, IntOrPercent value) {
		if (value.number() != null) {
			return (value.number() < 0)
					? List.of(FieldError.invalid(field, value.printed(), "must be greater than or equal to 0"))
					: List.of();
		}
		return value.isPercent() ? List.of()
				: List.of(FieldError.invalid(field, value.printed(), IntOrPercent.PERCENT_MESSAGE));
	}

	/**
	 * A Pod: its metadata, {@code spec.nodeName}, node selector, spread constraints and
	 * {@code status.podIP}.
	 */
	public static void validatePod(String namespace, String name, Map<String, String> labels, @Nullable String nodeName,
			Map<String, String> nodeSelector, List<TopologySpreadConstraint> spreadConstraints,
			@Nullable String podIp) {
		List<FieldError> errors = metadataErrors(namespace, name, labels);
		if (nodeName != null && !nodeName.isEmpty()) {
			errors.addAll(invalid("spec.nodeName", nodeName, Names.dns1123Subdomain(nodeName)));
		}
		errors.addAll(labelErrors("spec.nodeSelector", nodeSelector));
		errors.addAll(spreadConstraintErrors("spec.topologySpreadConstraints", spreadConstraints));
		if (podIp != null) {
			errors.addAll(invalid("status.podIPs[0]", podIp, Names.ip(podIp)));
		}
		reject("Pod", name, errors);
	}

	/** A Node's name, labels (its zone among them), pod CIDR, taints and InternalIP. */
	public static void validateNode(String name, Map<String, String> labels, @Nullable String podCidr,
			List<Taint> taints, @Nullable String internalIp) {
		List<FieldError> errors = metadataErrors(null, name, labels);
		if (podCidr != null && !Names.isCidr(podCidr)) {
			errors.add(FieldError.invalid("spec.podCIDRs[0]", GoValue.quoteBounded(podCidr),
					"must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)"));
		}
		for (int i = 0; i < taints.size(); i++) {
			Taint taint = taints.get(i);
			String entry = "spec.taints[" + i + "]";
			errors.addAll(invalid(entry + ".key", taint.key(), Names.qualifiedName(taint.key())));
			String value = Objects.requireNonNullElse(taint.value(), "");
			List<String> valueMessages = Names.labelValue(value);
			if (!valueMessages.isEmpty()) {
				errors.add(FieldError.invalid(entry + ".value", GoValue.quoteBounded(value),
						String.join(";", valueMessages)));
			}
		}
		if (internalIp != null) {
			errors.addAll(invalid("status.addresses[0].address", internalIp, Names.ip(internalIp)));
		}
		reject("Node", name, errors);
	}

	/** A Node added by name alone (a sandbox command). */
	public static void validateNodeName(String name) {
		validateNode(name, Map.of(), null, List.of(), null);
	}

	/**
	 * An EndpointSlice of address type IPv4: its name, addresses, node names and zones.
	 */
	public static void validateEndpointSlice(String namespace, String name, List<SliceEndpoint> endpoints) {
		List<FieldError> errors = metadataErrors(namespace, name, Map.of());
		for (int i = 0; i < endpoints.size(); i++) {
			SliceEndpoint endpoint = endpoints.get(i);
			String entry = "endpoints[" + i + "]";
			List<String> addresses = endpoint.addresses();
			if (addresses.isEmpty()) {
				errors.add(FieldError.required(entry + ".addresses", "must contain at least 1 address"));
			}
			for (int j = 0; j < addresses.size(); j++) {
				if (!Ipv4.isValid(addresses.get(j))) {
					errors.add(FieldError.invalid(entry + ".addresses[" + j + "]",
							GoValue.quoteBounded(addresses.get(j)), "must be a valid IPv4 address"));
				}
			}
			String nodeName = endpoint.nodeName();
			if (nodeName != null) {
				errors.addAll(invalid(entry + ".nodeName", nodeName, Names.dns1123Subdomain(nodeName)));
			}
			String zone = endpoint.zone();
			if (zone != null) {
				errors.addAll(invalid(entry + ".zone", zone, Names.labelValue(zone)));
			}
		}
		reject("EndpointSlice.discovery.k8s.io", name, errors);
	}

	/**
	 * {@code ValidateObjectMeta} for a name checked as a DNS subdomain: the name, the
	 * namespace ({@code null} for cluster-scoped objects) and the labels.
	 */
	private static List<FieldError> metadataErrors(@Nullable String namespace, String name,
			Map<String, String> labels) {
		List<FieldError> errors = new ArrayList<>();
		if (name.isEmpty()) {
			errors.add(FieldError.required("metadata.name", "name or generateName is required"));
		}
		else {
			errors.addAll(invalid("metadata.name", name, Names.dns1123Subdomain(name)));
		}
		if (namespace != null && !namespace.isEmpty()) {
			errors.addAll(invalid("metadata.namespace", namespace, Names.dns1123Label(namespace)));
		}
		errors.addAll(labelErrors("metadata.labels", labels));
		return errors;
	}

	/**
	 * {@code ValidateLabelSelector}: the keys and values of matchLabels, the expression
	 * keys.
	 */
	private static List<FieldError> selectorErrors(String path, LabelSelector selector) {
		List<FieldError> errors = new ArrayList<>(labelErrors(path + ".matchLabels", selector.matchLabels()));
		List<LabelSelector.Requirement> expressions = selector.matchExpressions();
		for (int i = 0; i < expressions.size(); i++) {
			String key = expressions.get(i).key();
			errors.addAll(invalid(path + ".matchExpressions[" + i + "].key", key, Names.qualifiedName(key)));
		}
		return errors;
	}

	/**
	 * {@code ValidateLabels}: each key a qualified name, each value a label value, both
	 * reported at the map's path (keys in sorted order; Go's map order is random).
	 */
	private static List<FieldError> labelErrors(String path, Map<String, String> labels) {
		List<FieldError> errors = new ArrayList<>();
		new TreeMap<>(labels).forEach((key, value) -> {
			errors.addAll(invalid(path, key, Names.qualifiedName(key)));
			errors.addAll(invalid(path, value, Names.labelValue(value)));
		});
		return errors;
	}

	private static List<FieldError> invalid(String path, String value, List<String> messages) {
		return messages.stream()
			.map((message) -> FieldError.invalid(path, GoValue.quoteBounded(value), message))
			.toList();
	}

	private static List<FieldError> spreadConstraintErrors(String path,
			List<TopologySpreadConstraint> spreadConstraints) {
		List<FieldError> errors = new ArrayList<>();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < spreadConstraints.size(); i++) {
			TopologySpreadConstraint constraint = spreadConstraints.get(i);
			String entry = path + "[" + i + "]";
			if (constraint.maxSkew() <= 0) {
				errors.add(FieldError.invalid(entry + ".maxSkew", String.valueOf(constraint.maxSkew()),
						"must be greater than zero"));
			}
			if (constraint.topologyKey().isEmpty()) {
				errors.add(FieldError.required(entry + ".topologyKey", "can not be empty"));
			}
			if (!SCHEDULE_ACTIONS.contains(constraint.whenUnsatisfiable())) {
				errors.add(FieldError.notSupported(entry + ".whenUnsatisfiable", constraint.whenUnsatisfiable(),
						SCHEDULE_ACTIONS));
			}
			Integer minDomains = constraint.minDomains();
			if (minDomains != null && minDomains <= 0) {
				errors
					.add(FieldError.invalid(entry + ".minDomains", minDomains.toString(), "must be greater than zero"));
			}
			checkPolicy(entry + ".nodeAffinityPolicy", constraint.nodeAffinityPolicy(), errors);
			checkPolicy(entry + ".nodeTaintsPolicy", constraint.nodeTaintsPolicy(), errors);
			String pair = "{" + constraint.topologyKey() + ", " + constraint.whenUnsatisfiable() + "}";
			if (!seen.add(pair)) {
				errors.add(FieldError.duplicate(entry + ".{topologyKey, whenUnsatisfiable}", GoValue.quote(pair)));
			}
		}
		return errors;
	}

	private static void checkPolicy(String path, @Nullable String policy, List<FieldError> errors) {
		if (policy != null && !INCLUSION_POLICIES.contains(policy)) {
			errors.add(FieldError.notSupported(path, policy, INCLUSION_POLICIES));
		}
	}

	private static void reject(String qualifiedKind, String name, List<FieldError> errors) {
		if (errors.isEmpty()) {
			return;
		}
		throw new InvalidObjectException(List.of(ApiServerErrors.invalidMessage(qualifiedKind, name, errors)));
	}

}
