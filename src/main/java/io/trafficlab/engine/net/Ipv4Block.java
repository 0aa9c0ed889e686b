package io.trafficlab.engine.net;

import org.jspecify.annotations.Nullable;

/**
 * An IPv4 CIDR block as numbers, for allocating pod CIDRs and addresses.
 *
 * @param network the first address
 * @param prefix the prefix length
 */
public record Ipv4Block(long network, int prefix) {

	/** The block, or {@code null} when the text is not an IPv4 CIDR. */
	public static @Nullable Ipv4Block parse(String text) {
		int slash = text.indexOf('/');
		if (slash < 0 || !Ipv4.isValid(text.substring(0, slash))) {
			return null;
		}
		int prefix;
		try {
			prefix = Integer.parseInt(text.substring(slash + 1));
		}
		catch (NumberFormatException ex) {
			return null;
		}
		if (prefix < 0 || prefix > 32) {
			return null;
		}
		long size = 1L << (32 - prefix);
		long network = Ipv4.parse(text.substring(0, slash)) / size * size;
		return new Ipv4Block(network, prefix);
	}

	public long size() {
		return 1L << (32 - this.prefix);
	}

	public long last() {
		return this.network + size() - 1;
	}

	@Override
	public String toString() {
		return Ipv4.format(this.network) + "/" + this.prefix;
	}

}
