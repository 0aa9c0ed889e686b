package io.trafficlab.engine.net;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An IPv4 or IPv6 prefix such as {@code 10.244.0.0/16}.
 */
public final class Cidr {

	private final IpAddress network;

	private final int prefixLength;

	private Cidr(IpAddress network, int prefixLength) {
		this.network = network.masked(prefixLength);
		this.prefixLength = prefixLength;
	}

	/**
	 * Reads {@code address/prefix}; host bits are cleared ({@code 10.244.1.7/24} is
	 * {@code 10.244.1.0/24}) and a bare address is a single-address prefix.
	 * @throws IllegalArgumentException when the text is not a CIDR
	 */
	public static Cidr parse(String text) {
		Cidr cidr = tryParse(text);
		if (cidr == null) {
			throw new IllegalArgumentException("\"" + text + "\" is not a CIDR");
		}
		return cidr;
	}

	/** The prefix, or {@code null} when the text is not a CIDR. */
	public static @Nullable Cidr tryParse(String text) {
		String trimmed = text.trim();
		int slash = trimmed.indexOf('/');
		IpAddress address = IpAddress.tryParse((slash < 0) ? trimmed : trimmed.substring(0, slash));
		if (address == null) {
			return null;
		}
		if (slash < 0) {
			return new Cidr(address, address.bitLength());
		}
		String length = trimmed.substring(slash + 1);
		if (length.isEmpty() || length.length() > 3 || !digits(length)) {
			return null;
		}
		int prefixLength = Integer.parseInt(length);
		return (prefixLength <= address.bitLength()) ? new Cidr(address, prefixLength) : null;
	}

	private static boolean digits(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (!Character.isDigit(text.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The smallest prefix that covers every given prefix, or {@code null} when there are
	 * none or they mix IPv4 and IPv6.
	 */
	public static @Nullable Cidr smallestCovering(List<Cidr> cidrs) {
		if (cidrs.isEmpty()) {
			return null;
		}
		Cidr first = cidrs.get(0);
		int length = first.prefixLength;
		for (Cidr other : cidrs) {
			if (other.network.isIpv4() != first.network.isIpv4()) {
				return null;
			}
			length = Math.min(length, other.prefixLength);
			int common = 0;
			while (common < length && first.network.bit(common) == other.network.bit(common)) {
				common++;
			}
			length = common;
		}
		return new Cidr(first.network, length);
	}

	public boolean contains(IpAddress address) {
		if (address.isIpv4() != this.network.isIpv4()) {
			return false;
		}
		for (int i = 0; i < this.prefixLength; i++) {
			if (address.bit(i) != this.network.bit(i)) {
				return false;
			}
		}
		return true;
	}

	/** The first address of the prefix. */
	public IpAddress network() {
		return this.network;
	}

	public int prefixLength() {
		return this.prefixLength;
	}

	/** The number of host bits: 8 for a {@code /24}. */
	public int hostBits() {
		return this.network.bitLength() - this.prefixLength;
	}

	@Override
	public boolean equals(Object obj) {
		return (obj instanceof Cidr other) && this.network.equals(other.network)
				&& this.prefixLength == other.prefixLength;
	}

	@Override
	public int hashCode() {
		return 31 * this.network.hashCode() + this.prefixLength;
	}

	@Override
	public String toString() {
		return this.network + "/" + this.prefixLength;
	}

}
