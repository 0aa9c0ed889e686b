package io.trafficlab.api;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.trafficlab.engine.analysis.AnalysisOptions;
import io.trafficlab.engine.balancer.Dataplane;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.balancer.LoadBalancerModel;
import io.trafficlab.engine.model.Spelled;
import io.trafficlab.engine.model.UnknownValueException;
import io.trafficlab.engine.net.Cidr;
import io.trafficlab.engine.net.IpAddress;
import io.trafficlab.engine.net.NetworkModel;
import io.trafficlab.system.ParameterChoices;
import org.jspecify.annotations.Nullable;

/**
 * Parses query parameters. Every refusal names the parameter and the values it allows.
 */
final class QueryParameters {

	private static final Map<String, Boolean> BOOLEANS = choices(List.of("true", "false"), List.of(true, false));

	private QueryParameters() {
	}

	/** One of fixed choices, or the default when the parameter is absent or empty. */
	static <T> T oneOf(String name, @Nullable String value, Map<String, T> choices, T defaultValue) {
		return isBlank(value) ? defaultValue : requireOneOf(name, value, choices);
	}

	/** One of fixed choices; the parameter is required. */
	static <T> T requireOneOf(String name, @Nullable String value, Map<String, T> choices) {
		if (isBlank(value)) {
			throw new InvalidRequestException(ParameterChoices.required(name, choices.keySet()));
		}
		T choice = choices.get(value);
		if (choice == null) {
			throw new InvalidRequestException(ParameterChoices.notOneOf(name, choices.keySet(), value));
		}
		return choice;
	}

	/**
	 * One of a type's spellings, or the default when the parameter is absent or empty.
	 */
	static <E extends Enum<E> & Spelled> E oneOf(String name, @Nullable String value, Class<E> type, E defaultValue) {
		return isBlank(value) ? defaultValue : requireOneOf(name, value, type);
	}

	/** One of a type's spellings; the parameter is required. */
	static <E extends Enum<E> & Spelled> E requireOneOf(String name, @Nullable String value, Class<E> type) {
		if (isBlank(value)) {
			throw new InvalidRequestException(ParameterChoices.required(name, Spelled.spellings(type)));
		}
		try {
			return Spelled.parse(type, name, value);
		}
		catch (UnknownValueException ex) {
			throw new InvalidRequestException(ParameterChoices.notOneOf(name, ex.allowed(), value));
		}
	}

	/**
	 * The load balancer of the catalogue; {@code lb} (the {@code generic} LB's knob)
	 * together with another id is a conflict.
	 */
	static LoadBalancerKind loadBalancer(@Nullable String value, @Nullable String lb) {
		LoadBalancerKind kind = oneOf("loadBalancer", value, LoadBalancerKind.class, LoadBalancerKind.GENERIC);
		if (kind != LoadBalancerKind.GENERIC && !isBlank(lb)) {
			throw new InvalidRequestException("Query parameters 'lb' and 'loadBalancer' conflict: 'lb' (" + lb
					+ ") tunes only loadBalancer=" + LoadBalancerKind.GENERIC.apiName() + ", and loadBalancer="
					+ kind.apiName() + " spreads as its controller does; drop 'lb' or use loadBalancer="
					+ LoadBalancerKind.GENERIC.apiName() + ".");
		}
		return kind;
	}

	/**
	 * The analysis options analyze and update share: {@code lb}, {@code loadBalancer},
	 * {@code dataplane} and {@code network}, for {@code clientIp} and the nodes listed.
	 */
	static AnalysisOptions analysisOptions(@Nullable String lb, @Nullable String loadBalancer,
			@Nullable String dataplane, @Nullable String network, String clientIp, @Nullable Set<String> onlyNodes) {
		return new AnalysisOptions(oneOf("lb", lb, LoadBalancerModel.class, LoadBalancerModel.EVEN), clientIp,
				onlyNodes, loadBalancer(loadBalancer, lb), dataplane(dataplane), network(network));
	}

	static Dataplane dataplane(@Nullable String value) {
		return oneOf("dataplane", value, Dataplane.class, Dataplane.KUBE_PROXY);
	}

	static NetworkModel network(@Nullable String value) {
		return oneOf("network", value, NetworkModel.class, NetworkModel.DEFAULT);
	}

	static boolean bool(String name, @Nullable String value) {
		return oneOf(name, value, BOOLEANS, false);
	}

	/** An IP address literal, or {@code null} when absent. */
	static @Nullable String ipAddress(String name, @Nullable String value) {
		if (isBlank(value)) {
			return null;
		}
		if (IpAddress.tryParse(value) == null) {
			throw new InvalidRequestException("Query parameter '" + name
					+ "' must be an IP address such as 203.0.113.10 or 2001:db8::10 (got \"" + value + "\").");
		}
		return value;
	}

	/** A CIDR block, {@code none}, or {@code null} when absent. */
	static @Nullable String clusterCidr(String name, @Nullable String value, String none) {
		if (isBlank(value)) {
			return null;
		}
		if (none.equals(value)) {
			return none;
		}
		if (value.indexOf('/') < 0 || Cidr.tryParse(value) == null) {
			throw new InvalidRequestException("Query parameter '" + name
					+ "' must be a CIDR block such as 10.244.0.0/16, or \"" + none + "\" (got \"" + value + "\").");
		}
		return value;
	}

	/**
	 * A value that must be one of those the manifests hold.
	 * @param what what the value names, e.g. {@code "node"}
	 * @param purpose what the parameter is for, said when it is missing
	 */
	static String requireKnown(String name, @Nullable String value, Collection<String> known, String what,
			String purpose) {
		if (isBlank(value)) {
			throw new InvalidRequestException("Query parameter '" + name + "' is required (" + purpose
					+ "); use one of: " + ParameterChoices.listed(known) + ".");
		}
		requireKnown(name, value, known, what);
		return value;
	}

	/** A value that, when given, must be one of those the manifests hold. */
	static void requireKnown(String name, String value, Collection<String> known, String what) {
		if (!known.contains(value)) {
			throw new InvalidRequestException("Query parameter '" + name + "': the manifests hold no " + what + " \""
					+ value + "\"; use one of: " + ParameterChoices.listed(known) + ".");
		}
	}

	/** Up to ten values, then how many there are in all. */
	static boolean isBlank(@Nullable String value) {
		return value == null || value.isBlank();
	}

	/** The allowed values of a parameter, in the order error messages list them. */
	static <T> Map<String, T> choices(List<String> names, List<T> values) {
		Map<String, T> choices = new LinkedHashMap<>();
		for (int i = 0; i < names.size(); i++) {
			choices.put(names.get(i), values.get(i));
		}
		return Collections.unmodifiableMap(choices);
	}

}
