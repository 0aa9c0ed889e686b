package io.trafficlab.engine.net;

import java.util.Arrays;
import java.util.Comparator;

import org.jspecify.annotations.Nullable;

/**
 * An IPv4 or IPv6 address read from its text form, without any name lookup. Orders IPv4
 * before IPv6, then numerically, so that {@code 10.244.1.9} sorts before
 * {@code 10.244.1.10}.
 */
public final class IpAddress implements Comparable<IpAddress> {

	/**
	 * Orders address strings by the addresses they spell; strings that are not addresses
	 * come last, by text.
	 */
	public static final Comparator<String> TEXT_ORDER = IpAddress::compareText;

	private final byte[] bytes;

	private IpAddress(byte[] bytes) {
		this.bytes = bytes;
	}

	/**
	 * Reads an address such as {@code 10.244.1.10} or {@code fd00::1}.
	 * @throws IllegalArgumentException when the text is not an IP address
	 */
	public static IpAddress parse(String text) {
		IpAddress address = tryParse(text);
		if (address == null) {
			throw new IllegalArgumentException("\"" + text + "\" is not an IP address");
		}
		return address;
	}

	/** The address, or {@code null} when the text is not an IP address. */
	public static @Nullable IpAddress tryParse(String text) {
		byte[] bytes = (text.indexOf(':') >= 0) ? parseIpv6(text) : parseIpv4(text);
		return (bytes != null) ? new IpAddress(bytes) : null;
	}

	private static byte @Nullable [] parseIpv4(String text) {
		byte[] bytes = new byte[4];
		int part = 0;
		int start = 0;
		for (int i = 0; i <= text.length(); i++) {
			if (i == text.length() || text.charAt(i) == '.') {
				if (part == 4) {
					return null;
				}
				int value = parseDecimalOctet(text, start, i);
				if (value < 0) {
					return null;
				}
				bytes[part++] = (byte) value;
				start = i + 1;
			}
		}
		return (part == 4) ? bytes : null;
	}

	private static int parseDecimalOctet(String text, int start, int end) {
		int length = end - start;
		if (length < 1 || length > 3 || (length > 1 && text.charAt(start) == '0')) {
			return -1;
		}
		int value = 0;
		for (int i = start; i < end; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return (value <= 255) ? value : -1;
	}

	private static byte @Nullable [] parseIpv6(String text) {
		int gap = text.indexOf("::");
		if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
			return null;
		}
		int[] head = (gap < 0) ? parseGroups(text) : parseGroups(text.substring(0, gap));
		int[] tail = (gap < 0) ? new int[0] : parseGroups(text.substring(gap + 2));
		if (head == null || tail == null) {
			return null;
		}
		int groups = head.length + tail.length;
		if ((gap < 0 && groups != 8) || (gap >= 0 && groups > 7)) {
			return null;
		}
		byte[] bytes = new byte[16];
		for (int i = 0; i < head.length; i++) {
			putGroup(bytes, i, head[i]);
		}
		for (int i = 0; i < tail.length; i++) {
			putGroup(bytes, 8 - tail.length + i, tail[i]);
		}
		return bytes;
	}

	private static void putGroup(byte[] bytes, int group, int value) {
		bytes[2 * group] = (byte) (value >>> 8);
		bytes[2 * group + 1] = (byte) value;
	}

	/**
	 * Hex groups separated by ':', the last one possibly a dotted IPv4 address (two
	 * groups).
	 */
	private static int @Nullable [] parseGroups(String text) {
		if (text.isEmpty()) {
			return new int[0];
		}
		String[] parts = text.split(":", -1);
		int[] groups = new int[parts.length + 1];
		int count = 0;
		for (int i = 0; i < parts.length; i++) {
			String part = parts[i];
			if (i == parts.length - 1 && part.indexOf('.') >= 0) {
				byte[] ipv4 = parseIpv4(part);
				if (ipv4 == null) {
					return null;
				}
				groups[count++] = ((ipv4[0] & 0xff) << 8) | (ipv4[1] & 0xff);
				groups[count++] = ((ipv4[2] & 0xff) << 8) | (ipv4[3] & 0xff);
				continue;
			}
			if (part.isEmpty() || part.length() > 4) {
				return null;
			}
			int value = 0;
			for (int j = 0; j < part.length(); j++) {
				int digit = Character.digit(part.charAt(j), 16);
				if (digit < 0) {
					return null;
				}
				value = (value << 4) | digit;
			}
			groups[count++] = value;
		}
		return Arrays.copyOf(groups, count);
	}

	public boolean isIpv4() {
		return this.bytes.length == 4;
	}

	/** 32 for IPv4, 128 for IPv6. */
	public int bitLength() {
		return this.bytes.length * 8;
	}

	/** The bit at {@code index}, counted from the most significant bit. */
	public boolean bit(int index) {
		return ((this.bytes[index / 8] >>> (7 - index % 8)) & 1) == 1;
	}

	/** This address with every bit from {@code prefixLength} on cleared. */
	public IpAddress masked(int prefixLength) {
		byte[] result = this.bytes.clone();
		for (int i = 0; i < result.length; i++) {
			int keep = Math.max(0, Math.min(8, prefixLength - 8 * i));
			result[i] = (byte) (result[i] & (0xff00 >>> keep));
		}
		return new IpAddress(result);
	}

	/** This address plus {@code offset}, wrapping at the end of the address space. */
	public IpAddress plus(long offset) {
		byte[] result = this.bytes.clone();
		long carry = offset;
		for (int i = result.length - 1; i >= 0 && carry != 0; i--) {
			long sum = (result[i] & 0xff) + (carry & 0xff);
			result[i] = (byte) sum;
			carry = (carry >>> 8) + (sum >>> 8);
		}
		return new IpAddress(result);
	}

	@Override
	public int compareTo(IpAddress other) {
		if (this.bytes.length != other.bytes.length) {
			return Integer.compare(this.bytes.length, other.bytes.length);
		}
		return Arrays.compareUnsigned(this.bytes, other.bytes);
	}

	private static int compareText(String left, String right) {
		IpAddress leftAddress = tryParse(left);
		IpAddress rightAddress = tryParse(right);
		if (leftAddress != null && rightAddress != null) {
			int byAddress = leftAddress.compareTo(rightAddress);
			return (byAddress != 0) ? byAddress : left.compareTo(right);
		}
		if (leftAddress != null || rightAddress != null) {
			return (leftAddress != null) ? -1 : 1;
		}
		return left.compareTo(right);
	}

	@Override
	public boolean equals(Object obj) {
		return (obj instanceof IpAddress other) && Arrays.equals(this.bytes, other.bytes);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(this.bytes);
	}

	/**
	 * Dotted decimal for IPv4; RFC 5952 (lower case, longest zero run compressed) for
	 * IPv6.
	 */
	@Override
	public String toString() {
		if (isIpv4()) {
			return (this.bytes[0] & 0xff) + "." + (this.bytes[1] & 0xff) + "." + (this.bytes[2] & 0xff) + "."
					+ (this.bytes[3] & 0xff);
		}
		int[] groups = new int[8];
		for (int i = 0; i < 8; i++) {
			groups[i] = ((this.bytes[2 * i] & 0xff) << 8) | (this.bytes[2 * i + 1] & 0xff);
		}
		int bestStart = -1;
		int bestLength = 1;
		for (int i = 0; i < 8;) {
			int j = i;
			while (j < 8 && groups[j] == 0) {
				j++;
			}
			if (j - i > bestLength) {
				bestStart = i;
				bestLength = j - i;
			}
			i = (j > i) ? j : i + 1;
		}
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < 8; i++) {
			if (i == bestStart) {
				text.append("::");
				i += bestLength - 1;
				continue;
			}
			if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
				text.append(':');
			}
			text.append(Integer.toHexString(groups[i]));
		}
		return text.toString();
	}

}
