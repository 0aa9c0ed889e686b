package io.trafficlab.lesson;

import java.time.Instant;
import java.util.Map;

import io.trafficlab.engine.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CurlViewTests {

	@Test
	void theAnswerShouldBeWrittenAsGosServerWritesItHandlerHeadersSortedThenDateThenContentLength() {
		HealthCheckResponse answer = new HealthCheckResponse(503,
				Map.of("X-Content-Type-Options", "nosniff", "Content-Type", "application/json"), "{\"a\": 1}\n");
		assertThat(CurlView.lines(answer, Instant.parse("2026-12-06T09:05:02Z"))).containsExactly(
				"HTTP/1.1 503 Service Unavailable", "Content-Type: application/json", "X-Content-Type-Options: nosniff",
				"Date: Sun, 06 Dec 2026 09:05:02 GMT", "Content-Length: 9", "", "{\"a\": 1}");
	}

}
