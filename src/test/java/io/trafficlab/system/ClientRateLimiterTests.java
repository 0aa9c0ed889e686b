package io.trafficlab.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ClientRateLimiter} and the client key of {@link ClientRequests}.
 */
class ClientRateLimiterTests {

	private Instant now = Instant.parse("2026-01-01T00:00:00Z");

	private final Clock clock = new Clock() {

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return ClientRateLimiterTests.this.now;
		}

	};

	@Test
	void acquireWhenTheBurstIsSpentShouldSayHowLongToWaitUntilTheBucketRefills() {
		ClientRateLimiter limiter = new ClientRateLimiter(6, 3, this.clock);
		for (int i = 0; i < 3; i++) {
			assertThat(limiter.acquire("a")).isEmpty();
		}
		assertThat(limiter.acquire("a")).contains(Duration.ofSeconds(10));
		assertThat(limiter.acquire("b")).as("another client has its own bucket").isEmpty();
		this.now = this.now.plusSeconds(4);
		assertThat(limiter.waitFor("a")).contains(Duration.ofSeconds(6));
		this.now = this.now.plusSeconds(6);
		assertThat(limiter.waitFor("a")).isEmpty();
		assertThat(limiter.acquire("a")).isEmpty();
		assertThat(limiter.acquire("a")).isPresent();
	}

	@Test
	void acquireWhenManyClientsHaveRefilledShouldForgetThem() {
		ClientRateLimiter limiter = new ClientRateLimiter(60, 1, this.clock);
		for (int i = 0; i <= ClientRateLimiter.MAX_CLIENTS; i++) {
			limiter.acquire("client-" + i);
		}
		this.now = this.now.plusSeconds(2);
		limiter.acquire("one-more");
		assertThat(limiter.tracked()).isEqualTo(1);
	}

	@Test
	void clientOfShouldKeyIpv4ByAddressAndIpv6ByItsSlash64() {
		assertThat(ClientRequests.clientOf(request("203.0.113.7"))).isEqualTo("203.0.113.7");
		assertThat(ClientRequests.clientOf(request("2001:db8:1:2:aa::1")))
			.isEqualTo(ClientRequests.clientOf(request("2001:db8:1:2:bb::9")))
			.isEqualTo("2001:db8:1:2::/64");
		assertThat(ClientRequests.clientOf(request("2001:db8:1:3::1"))).isEqualTo("2001:db8:1:3::/64");
	}

	private static MockHttpServletRequest request(String address) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr(address);
		return request;
	}

}
