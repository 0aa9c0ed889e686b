package io.trafficlab;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResultAssert;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limits that count each client (remote address) apart: requests from one address,
 * and the 429 a client over its limit is answered with.
 */
public final class ClientLimits {

	private ClientLimits() {
	}

	/** The request as sent from {@code address}. */
	public static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	/** The response is a 429 whose {@code Retry-After} is 1 to 99 seconds. */
	public static MvcTestResultAssert assertTooManyRequests(MvcTestResultAssert response) {
		return response.hasStatus(HttpStatus.TOO_MANY_REQUESTS)
			.satisfies((result) -> assertThat(result.getResponse().getHeader(HttpHeaders.RETRY_AFTER))
				.matches("[1-9][0-9]?"));
	}

}
