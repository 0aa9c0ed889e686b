package io.trafficlab.engine.cluster;

import io.trafficlab.engine.apiserver.Ipv4;

import org.jspecify.annotations.Nullable;

/**
 * An IPv4 CIDR block.
 *
 * @param network the first address
 * @param prefix the prefix length
 */
record Cidr(long network, int prefix) {

	/** The block, or {@code null} when the text is not an IPv4 CIDR. */
	static @Nullable Cidr parse(String text) {
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
		return new Cidr(network, prefix);
	}

	long size() {
		return 1L << (32 - this.prefix);
	}

	long last() {
		return this.network + size() - 1;
	}

	@Override
	public String toString() {
		return Ipv4.format(this.network) + "/" + this.prefix;
	}

}
