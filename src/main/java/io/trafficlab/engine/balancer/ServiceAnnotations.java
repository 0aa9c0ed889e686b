package io.trafficlab.engine.balancer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.trafficlab.engine.model.Service;
import org.jspecify.annotations.Nullable;

/**
 * Reads the Service annotations the catalogue honours (research §6.1), and nothing else.
 * A bad value is a warning that names the annotation and the default that applies, as the
 * controllers fall back (or refuse to reconcile) rather than guess.
 */
final class ServiceAnnotations {

	/**
	 * The AWS controllers accept both prefixes ({@code pkg/annotations/constants.go}).
	 */
	private static final List<String> AWS_PREFIXES = List.of("service.beta.kubernetes.io/", "service.kubernetes.io/");

	static final String TARGET_GROUP_ATTRIBUTES = "aws-load-balancer-target-group-attributes";

	static final String LOAD_BALANCER_ATTRIBUTES = "aws-load-balancer-attributes";

	static final String CROSS_ZONE = "aws-load-balancer-cross-zone-load-balancing-enabled";

	static final String NLB_TARGET_TYPE = "aws-load-balancer-nlb-target-type";

	static final String PROXY_PROTOCOL = "aws-load-balancer-proxy-protocol";

	static final String AWS_HEALTH_CHECK = "aws-load-balancer-healthcheck-";

	static final String GKE_WEIGHTED = "networking.gke.io/weighted-load-balancing";

	static final String AZURE_PREFIX = "service.beta.kubernetes.io/";

	static final String AZURE_HEALTH_PROBE = "azure-load-balancer-health-probe-";

	private final Service service;

	private final List<String> warnings;

	ServiceAnnotations(Service service, List<String> warnings) {
		this.service = service;
		this.warnings = warnings;
	}

	/** An AWS annotation under either prefix, {@code null} when absent. */
	@Nullable String aws(String name) {
		for (String prefix : AWS_PREFIXES) {
			String value = this.service.annotations().get(prefix + name);
			if (value != null) {
				return value;
			}
		}
		return null;
	}

	/** An annotation by its full key. */
	@Nullable String exact(String key) {
		return this.service.annotations().get(key);
	}

	/**
	 * {@code key=value} pairs separated by commas, as the AWS controller's
	 * {@code ParseStringMapAnnotation} reads them; a pair without {@code =} is a warning.
	 */
	Map<String, String> awsAttributes(String name) {
		String text = aws(name);
		Map<String, String> attributes = new LinkedHashMap<>();
		if (text == null) {
			return attributes;
		}
		for (String pair : text.split(",")) {
			if (pair.isBlank()) {
				continue;
			}
			int equals = pair.indexOf('=');
			if (equals < 0) {
				warn(name, pair.trim(), "is not key=value; it is ignored");
				continue;
			}
			attributes.put(pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
		}
		return attributes;
	}

	/** A boolean attribute of an AWS attribute list, or {@code fallback}. */
	boolean awsBooleanAttribute(String name, Map<String, String> attributes, String key, boolean fallback) {
		String value = attributes.get(key);
		if (value == null) {
			return fallback;
		}
		Boolean parsed = parseBoolean(value);
		if (parsed == null) {
			warn(name, key + "=" + value, "is not true or false; the default " + fallback + " applies");
			return fallback;
		}
		return parsed;
	}

	/** A boolean AWS annotation, {@code null} when absent or bad (bad: a warning). */
	@Nullable Boolean awsBoolean(String name) {
		String value = aws(name);
		if (value == null) {
			return null;
		}
		Boolean parsed = parseBoolean(value);
		if (parsed == null) {
			warn(name, value, "is not true or false; it is ignored");
		}
		return parsed;
	}

	/**
	 * A whole number in {@code [min, max]}, or {@code fallback} (with a warning when the
	 * value is there but bad).
	 */
	int integer(String key, @Nullable String value, int min, int max, int fallback) {
		if (value == null) {
			return fallback;
		}
		try {
			int parsed = Integer.parseInt(value.trim());
			if (parsed >= min && parsed <= max) {
				return parsed;
			}
		}
		catch (NumberFormatException ex) {
			// warned below
		}
		warn(key, value, "is not a whole number from " + min + " to " + max + "; the default " + fallback + " applies");
		return fallback;
	}

	/** One of {@code allowed} (case-insensitive), upper-cased, or {@code null}. */
	@Nullable String oneOf(String key, @Nullable String value, List<String> allowed) {
		if (value == null) {
			return null;
		}
		String upper = value.trim().toUpperCase(Locale.ROOT);
		if (allowed.contains(upper)) {
			return upper;
		}
		warn(key, value, "is not one of " + String.join(", ", allowed) + "; it is ignored");
		return null;
	}

	void warn(String key, String value, String what) {
		this.warnings.add(this.service.ref() + ": annotation " + key + ": \"" + value + "\" " + what);
	}

	private static @Nullable Boolean parseBoolean(String value) {
		String trimmed = value.trim().toLowerCase(Locale.ROOT);
		return switch (trimmed) {
			case "true" -> Boolean.TRUE;
			case "false" -> Boolean.FALSE;
			default -> null;
		};
	}

}
