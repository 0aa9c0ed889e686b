package io.trafficlab.engine.net;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for what {@link IpAddress} and {@link Cidr} accept: the literals a person types,
 * nothing that needs a name lookup.
 */
class AddressParsingTests {

	@ParameterizedTest
	@ValueSource(strings = { "203.0.113.10", "0.0.0.0", "255.255.255.255", "2001:db8::10", "::1", "::ffff:10.0.0.1" })
	void tryParseWhenLiteralShouldAccept(String address) {
		assertThat(IpAddress.tryParse(address)).isNotNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "localhost", "example.com", "10.0.0", "10.0.0.256", "01.2.3.4", "1.2.3.4.5",
			"2001:db8::g", "1:2", ".:", "10.0.0.1/24" })
	void tryParseWhenNotALiteralShouldRefuse(String text) {
		assertThat(IpAddress.tryParse(text)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "10.244.0.0/16", "0.0.0.0/0", "fd00::/8", "10.0.0.1/32" })
	void cidrTryParseWhenBlockShouldAccept(String cidr) {
		assertThat(Cidr.tryParse(cidr)).isNotNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "10.244.0.0/33", "fd00::/129", "none", "a/8" })
	void cidrTryParseWhenNotABlockShouldRefuse(String text) {
		assertThat(Cidr.tryParse(text)).isNull();
	}

}
