package io.trafficlab.system;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link IpAddresses}.
 */
class IpAddressesTests {

	@ParameterizedTest
	@ValueSource(strings = { "203.0.113.10", "0.0.0.0", "255.255.255.255", "2001:db8::10", "::1", "::ffff:10.0.0.1" })
	void isIpAddressWhenLiteralShouldAccept(String address) {
		assertThat(IpAddresses.isIpAddress(address)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "localhost", "example.com", "10.0.0", "10.0.0.256", "01.2.3.4", "1.2.3.4.5", "2001:db8::g",
			"1:2", ".:", "10.0.0.1/24" })
	void isIpAddressWhenNotALiteralShouldRefuse(String text) {
		assertThat(IpAddresses.isIpAddress(text)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "10.244.0.0/16", "0.0.0.0/0", "fd00::/8", "10.0.0.1/32" })
	void isCidrWhenBlockShouldAccept(String cidr) {
		assertThat(IpAddresses.isCidr(cidr)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "10.244.0.0", "10.244.0.0/33", "fd00::/129", "none", "a/8" })
	void isCidrWhenNotABlockShouldRefuse(String text) {
		assertThat(IpAddresses.isCidr(text)).isFalse();
	}

}
