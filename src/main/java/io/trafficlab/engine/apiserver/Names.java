package io.trafficlab.engine.apiserver;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.trafficlab.engine.net.Ipv4;
import org.jspecify.annotations.Nullable;

/**
 * The API machinery's format checks (DNS labels, IANA port names, IP and CIDR syntax),
 * returning the API server's messages.
 */
final class Names {

	private static final int LABEL_MAX = 63;

	private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

	private static final Pattern DNS_1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");

	private static final Pattern PORT_NAME_CHARSET = Pattern.compile("[-a-z0-9]+");

	private static final Pattern LETTER = Pattern.compile(".*[a-z].*");

	private static final int SUBDOMAIN_MAX = 253;

	private static final Pattern DNS_1123_SUBDOMAIN = Pattern
		.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

	private static final Pattern QUALIFIED_NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");

	private static final String TOO_LONG = "must be no more than " + LABEL_MAX + " characters";

	private static final String QUALIFIED_NAME_RULE = "must consist of alphanumeric characters, '-', '_' or '.', and "
			+ "must start and end with an alphanumeric character";

	private static final String IP_MESSAGE = "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)";

	private Names() {
	}

	/** {@code IsDNS1123Label}: names of ports and namespaces. */
	static List<String> dns1123Label(String value) {
		List<String> messages = new ArrayList<>();
		if (value.length() > LABEL_MAX) {
			messages.add(TOO_LONG);
		}
		if (!DNS_1123_LABEL.matcher(value).matches()) {
			messages.add("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and "
					+ "must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used "
					+ "for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')");
		}
		return messages;
	}

	/** {@code IsDNS1123Subdomain}: names of Nodes, Pods, workloads and EndpointSlices. */
	static List<String> dns1123Subdomain(String value) {
		List<String> messages = new ArrayList<>();
		if (value.length() > SUBDOMAIN_MAX) {
			messages.add("must be no more than " + SUBDOMAIN_MAX + " characters");
		}
		if (!DNS_1123_SUBDOMAIN.matcher(value).matches()) {
			messages.add("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or "
					+ "'.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for "
					+ "validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')");
		}
		return messages;
	}

	/**
	 * {@code IsQualifiedName}: label keys and taint keys, an optional DNS subdomain
	 * prefix and a name, e.g. {@code topology.kubernetes.io/zone}.
	 */
	static List<String> qualifiedName(String value) {
		List<String> messages = new ArrayList<>();
		String[] parts = value.split("/", -1);
		String name;
		if (parts.length == 1) {
			name = parts[0];
		}
		else if (parts.length == 2) {
			String prefix = parts[0];
			name = parts[1];
			if (prefix.isEmpty()) {
				messages.add("prefix part must be non-empty");
			}
			else {
				dns1123Subdomain(prefix).forEach((message) -> messages.add("prefix part " + message));
			}
		}
		else {
			messages.add("a qualified name " + QUALIFIED_NAME_RULE
					+ " (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
					+ "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' "
					+ "(e.g. 'example.com/MyName')");
			return messages;
		}
		if (name.isEmpty()) {
			messages.add("name part must be non-empty");
		}
		else if (name.length() > LABEL_MAX) {
			messages.add("name part " + TOO_LONG);
		}
		if (!QUALIFIED_NAME.matcher(name).matches()) {
			messages.add("name part " + QUALIFIED_NAME_RULE
					+ " (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is "
					+ "'([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')");
		}
		return messages;
	}

	/** {@code IsValidLabelValue}: label values, taint values and zones. */
	static List<String> labelValue(String value) {
		List<String> messages = new ArrayList<>();
		if (value.length() > LABEL_MAX) {
			messages.add(TOO_LONG);
		}
		if (!value.isEmpty() && !QUALIFIED_NAME.matcher(value).matches()) {
			messages.add("a valid label " + "must be an empty string or consist of alphanumeric characters, '-', '_' "
					+ "or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or "
					+ "'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?"
					+ "[A-Za-z0-9])?')");
		}
		return messages;
	}

	/**
	 * {@code IsValidIP}: an IPv4 address in Go's strict form, or one shaped like IPv6
	 * (the sandbox models IPv4 only).
	 */
	static List<String> ip(String value) {
		if (Ipv4.isValid(value) || (Ipv4.looksLikeIpv6(value) && value.matches("[0-9A-Fa-f:.]{2,45}"))) {
			return List.of();
		}
		return List.of(IP_MESSAGE);
	}

	/** {@code IsDNS1035Label}: Service names. */
	static List<String> dns1035Label(String value) {
		List<String> messages = new ArrayList<>();
		if (value.length() > LABEL_MAX) {
			messages.add(TOO_LONG);
		}
		if (!DNS_1035_LABEL.matcher(value).matches()) {
			messages.add("a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an "
					+ "alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', "
					+ "regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')");
		}
		return messages;
	}

	/** {@code IsValidPortName}: an IANA service name, as a named {@code targetPort}. */
	static List<String> portName(String value) {
		List<String> messages = new ArrayList<>();
		if (value.length() > 15) {
			messages.add("must be no more than 15 characters");
		}
		if (!PORT_NAME_CHARSET.matcher(value).matches()) {
			messages.add("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
		}
		if (!LETTER.matcher(value).matches()) {
			messages.add("must contain at least one letter (a-z)");
		}
		if (value.contains("--")) {
			messages.add("must not contain consecutive hyphens");
		}
		if (!value.isEmpty() && (value.charAt(0) == '-' || value.charAt(value.length() - 1) == '-')) {
			messages.add("must not begin or end with a hyphen");
		}
		return messages;
	}

	/**
	 * Whether the text is an optionally signed decimal number (a numeric
	 * {@code targetPort}).
	 */
	static boolean isNumber(String value) {
		int start = (value.startsWith("-") || value.startsWith("+")) ? 1 : 0;
		if (value.length() == start || value.length() > 12) {
			return false;
		}
		for (int i = start; i < value.length(); i++) {
			if (!Character.isDigit(value.charAt(i)) || value.charAt(i) > '9') {
				return false;
			}
		}
		return true;
	}

	static long parseNumber(String value) {
		return Long.parseLong(value);
	}

	/**
	 * Whether the text is an IPv4 CIDR ({@code 10.0.0.0/8}), or at least shaped like an
	 * IPv6 one.
	 */
	static boolean isCidr(String value) {
		int slash = value.indexOf('/');
		if (slash < 0) {
			return false;
		}
		String address = value.substring(0, slash);
		String bits = value.substring(slash + 1);
		if (!isNumber(bits) || bits.startsWith("-") || bits.startsWith("+")) {
			return false;
		}
		long prefix = parseNumber(bits);
		if (Ipv4.looksLikeIpv6(address)) {
			return prefix <= 128;
		}
		return Ipv4.isValid(address) && prefix <= 32;
	}

	/**
	 * Why an external IP is not allowed ({@code ValidateNonSpecialIP}), or {@code null}
	 * when it is fine.
	 */
	static @Nullable String specialAddress(long address) {
		if (address == 0) {
			return "may not be unspecified (0.0.0.0, ::)";
		}
		if ((address >>> 24) == 127) {
			return "may not be in the loopback range (127.0.0.0/8, ::1/128)";
		}
		if ((address >>> 16) == ((169L << 8) | 254)) {
			return "may not be in the link-local range (169.254.0.0/16, fe80::/10)";
		}
		if ((address >>> 8) == (224L << 16)) {
			return "may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)";
		}
		return null;
	}

}
