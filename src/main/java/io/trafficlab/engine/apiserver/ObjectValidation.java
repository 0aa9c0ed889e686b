package io.trafficlab.engine.apiserver;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

	private ObjectValidation() {
	}

	/**
	 * A Deployment, ReplicaSet, StatefulSet or DaemonSet.
	 * @param qualifiedKind the kind with its group, e.g. {@code Deployment.apps}
	 * @param replicas {@code spec.replicas}, or {@code null} (DaemonSets have none)
	 * @throws InvalidObjectException when kube-apiserver would reject it
	 */
	public static void validateWorkload(String qualifiedKind, String name, @Nullable Integer replicas,
			@Nullable LabelSelector selector, Map<String, String> templateLabels,
			List<TopologySpreadConstraint> spreadConstraints) {
		List<FieldError> errors = new ArrayList<>(nameErrors(name));
		if (replicas != null && replicas < 0) {
			errors.add(FieldError.invalid("spec.replicas", replicas.toString(), "must be greater than or equal to 0"));
		}
		if (selector == null) {
			errors.add(FieldError.required("spec.selector", ""));
		}
		else if (!selector.isEmpty() && !selector.matches(templateLabels)) {
			errors.add(FieldError.invalid("spec.template.metadata.labels", GoValue.stringMap(templateLabels),
					"`selector` does not match template `labels`"));
		}
		errors.addAll(spreadConstraintErrors("spec.template.spec.topologySpreadConstraints", spreadConstraints));
		reject(qualifiedKind, name, errors);
	}

	/** A Pod's spread constraints. */
	public static void validatePod(String name, List<TopologySpreadConstraint> spreadConstraints) {
		List<FieldError> errors = new ArrayList<>(nameErrors(name));
		errors.addAll(spreadConstraintErrors("spec.topologySpreadConstraints", spreadConstraints));
		reject("Pod", name, errors);
	}

	/** A Node's name and pod CIDR. */
	public static void validateNode(String name, @Nullable String podCidr) {
		List<FieldError> errors = new ArrayList<>(nameErrors(name));
		if (podCidr != null && !Names.isCidr(podCidr)) {
			errors.add(FieldError.invalid("spec.podCIDRs[0]", GoValue.quote(podCidr),
					"must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)"));
		}
		reject("Node", name, errors);
	}

	/** The addresses of an EndpointSlice of address type IPv4. */
	public static void validateEndpointSlice(String name, List<List<String>> addressesPerEndpoint) {
		List<FieldError> errors = new ArrayList<>();
		for (int i = 0; i < addressesPerEndpoint.size(); i++) {
			List<String> addresses = addressesPerEndpoint.get(i);
			if (addresses.isEmpty()) {
				errors.add(FieldError.required("endpoints[" + i + "].addresses", "must contain at least 1 address"));
			}
			for (int j = 0; j < addresses.size(); j++) {
				if (!Ipv4.isValid(addresses.get(j))) {
					errors.add(FieldError.invalid("endpoints[" + i + "].addresses[" + j + "]",
							GoValue.quote(addresses.get(j)), "must be a valid IPv4 address"));
				}
			}
		}
		reject("EndpointSlice.discovery.k8s.io", name, errors);
	}

	private static List<FieldError> nameErrors(String name) {
		if (name.isEmpty()) {
			return List.of(FieldError.required("metadata.name", "name or generateName is required"));
		}
		return List.of();
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
