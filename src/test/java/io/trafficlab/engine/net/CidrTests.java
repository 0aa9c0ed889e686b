package io.trafficlab.engine.net;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Cidr} and {@link IpAddress}.
 */
class CidrTests {

	@Test
	void smallestCoveringWhenThreeNodeCidrsShouldCoverThemAll() {
		Cidr covering = Cidr.smallestCovering(
				List.of(Cidr.parse("10.244.1.0/24"), Cidr.parse("10.244.2.0/24"), Cidr.parse("10.244.3.0/24")));
		assertThat(covering).hasToString("10.244.0.0/22");
	}

	@Test
	void smallestCoveringWhenOneCidrShouldBeThatCidr() {
		assertThat(Cidr.smallestCovering(List.of(Cidr.parse("10.244.7.0/24")))).hasToString("10.244.7.0/24");
	}

	@Test
	void smallestCoveringWhenMixedFamiliesShouldBeNull() {
		assertThat(Cidr.smallestCovering(List.of(Cidr.parse("10.0.0.0/8"), Cidr.parse("fd00::/64")))).isNull();
	}

	@Test
	void containsShouldMatchPrefixBitsOnly() {
		Cidr cidr = Cidr.parse("203.0.113.7/24");
		assertThat(cidr).hasToString("203.0.113.0/24");
		assertThat(cidr.contains(IpAddress.parse("203.0.113.255"))).isTrue();
		assertThat(cidr.contains(IpAddress.parse("203.0.114.0"))).isFalse();
		assertThat(cidr.contains(IpAddress.parse("::1"))).isFalse();
		assertThat(Cidr.parse("fd00:10:244::/48").contains(IpAddress.parse("fd00:10:244:1::a"))).isTrue();
	}

	@Test
	void parseWhenNotACidrShouldBeNull() {
		assertThat(Cidr.tryParse("10.0.0.0/33")).isNull();
		assertThat(Cidr.tryParse("10.0.0/8")).isNull();
		assertThat(Cidr.tryParse("none")).isNull();
		assertThat(Cidr.tryParse("1.2.3.4")).hasToString("1.2.3.4/32");
	}

	@Test
	void ipAddressShouldParseAndFormatCanonically() {
		assertThat(IpAddress.parse("FD00:0:0:0:0:0:0:1")).hasToString("fd00::1");
		assertThat(IpAddress.parse("2001:db8:0:0:1:0:0:1")).hasToString("2001:db8::1:0:0:1");
		assertThat(IpAddress.parse("::ffff:10.0.0.1")).hasToString("::ffff:a00:1");
		assertThat(IpAddress.parse("10.244.1.0").plus(250)).hasToString("10.244.1.250");
		assertThat(IpAddress.parse("10.244.1.200").plus(100)).hasToString("10.244.2.44");
		assertThat(IpAddress.tryParse("010.1.1.1")).isNull();
		assertThat(IpAddress.tryParse("1::2::3")).isNull();
		assertThat(IpAddress.tryParse("web.example.com")).isNull();
	}

}
