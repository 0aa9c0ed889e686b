package io.trafficlab.engine.net;

/**
 * IPv4 address arithmetic shared by the API server's allocators and the cluster
 * assembler. Addresses are unsigned 32-bit values held in a {@code long}.
 */
public final class Ipv4 {

	/** The number of addresses in the IPv4 space. */
	public static final long SPACE = 1L << 32;

	private Ipv4() {
	}

	/**
	 * Whether the text is a dotted-quad IPv4 address (no leading zeros, as Go's parser
	 * demands).
	 */
	public static boolean isValid(String text) {
		return parseOrNegative(text) >= 0;
	}

	/**
	 * The address as a number.
	 * @throws IllegalArgumentException when the text is not an IPv4 address
	 */
	public static long parse(String text) {
		long address = parseOrNegative(text);
		if (address < 0) {
			throw new IllegalArgumentException("Not an IPv4 address: " + text);
		}
		return address;
	}

	/** The dotted-quad form of an address; values wrap around the 32-bit space. */
	public static String format(long address) {
		long value = Math.floorMod(address, SPACE);
		return (value >>> 24) + "." + ((value >>> 16) & 0xff) + "." + ((value >>> 8) & 0xff) + "." + (value & 0xff);
	}

	/** Whether the text looks like an IPv6 address (the sandbox models IPv4 only). */
	public static boolean looksLikeIpv6(String text) {
		return text.indexOf(':') >= 0;
	}

	private static long parseOrNegative(String text) {
		String[] parts = text.split("\\.", -1);
		if (parts.length != 4) {
			return -1;
		}
		long address = 0;
		for (String part : parts) {
			int octet = parseOctet(part);
			if (octet < 0) {
				return -1;
			}
			address = (address << 8) | octet;
		}
		return address;
	}

	private static int parseOctet(String part) {
		if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')) {
			return -1;
		}
		int value = 0;
		for (int i = 0; i < part.length(); i++) {
			char c = part.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return (value <= 255) ? value : -1;
	}

}
