package io.trafficlab.system;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Checks IP address literals without ever resolving a host name.
 */
public final class IpAddresses {

	private static final String OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";

	private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");

	private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:.]+");

	private static final Pattern CIDR = Pattern.compile("([^/]+)/(\\d{1,3})");

	private IpAddresses() {
	}

	/** Whether the text is an IPv4 address in dotted-quad form or an IPv6 address. */
	public static boolean isIpAddress(@Nullable String text) {
		if (text == null) {
			return false;
		}
		return IPV4.matcher(text).matches() || isIpv6(text);
	}

	/** Whether the text is a CIDR block such as {@code 10.244.0.0/16} or {@code fd00::/8}. */
	public static boolean isCidr(@Nullable String text) {
		if (text == null) {
			return false;
		}
		var matcher = CIDR.matcher(text);
		if (!matcher.matches()) {
			return false;
		}
		int prefix = Integer.parseInt(matcher.group(2));
		String address = matcher.group(1);
		return (IPV4.matcher(address).matches() && prefix <= 32) || (isIpv6(address) && prefix <= 128);
	}

	private static boolean isIpv6(String text) {
		// Only text made of hex digits, colons and dots that contains a colon: the JDK parses it as a literal and never
		// looks it up in DNS.
		if (!text.contains(":") || !IPV6_CHARACTERS.matcher(text).matches()) {
			return false;
		}
		try {
			InetAddress.getByName(text);
			return true;
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
