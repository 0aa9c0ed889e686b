package io.trafficlab.stream;

import java.nio.channels.ClosedChannelException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.messaging.MessageDeliveryException;
import org.springframework.messaging.support.MessageBuilder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the operator reads about an outage of the broker: one line when it goes, a
 * reminder at most once a minute, one line with the length of the outage when it is back;
 * {@link BrokerOutageTests} runs the same against a real RabbitMQ.
 */
@ExtendWith(OutputCaptureExtension.class)
class BrokerOutagesTests {

	private Instant now = Instant.parse("2026-12-07T08:00:00Z");

	private final BrokerOutages outages = new BrokerOutages("rabbitmq.internal", 61613, new Clock() {

		@Override
		public Instant instant() {
			return BrokerOutagesTests.this.now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	});

	@Test
	void outageShouldBeOneLineThenAReminderAMinuteThenOneLineWithItsLength(CapturedOutput output) {
		this.outages.gone();
		this.outages.gone();
		assertThat(this.outages.brokerAway()).isTrue();
		for (int second = 10; second <= 150; second += 10) {
			this.now = this.now.plusSeconds(10);
			this.outages.check(false);
		}
		this.outages.back();
		this.outages.back();

		assertThat(this.outages.brokerAway()).isFalse();
		assertThat(output.getOut().lines().filter((line) -> line.contains("BrokerOutages"))).satisfiesExactly(
				(line) -> assertThat(line).contains("WARN")
					.endsWith("The message broker at rabbitmq.internal:61613 is not answering: students of other "
							+ "servers' rooms are told and reconnect; simulations run on, messages to the other "
							+ "servers are dropped until it is back (trying again every 5 s)"),
				(line) -> assertThat(line)
					.endsWith("The message broker at rabbitmq.internal:61613 has not answered for 1 min 0 s; "
							+ "simulations run on"),
				(line) -> assertThat(line)
					.endsWith("The message broker at rabbitmq.internal:61613 has not answered for 2 min 0 s; "
							+ "simulations run on"),
				(line) -> assertThat(line).contains("INFO")
					.endsWith("The message broker at rabbitmq.internal:61613 is back after 2 min 30 s: other "
							+ "servers' rooms flow again"));
	}

	@Test
	void brokerThatNeverAnsweredShouldBeReportedByTheCheck(CapturedOutput output) {
		this.outages.check(true);
		assertThat(output.getOut()).doesNotContain("message broker");
		this.outages.check(false);
		assertThat(output.getOut()).contains("is not answering");
		assertThat(this.outages.brokerAway()).isTrue();
	}

	@Test
	void durationsShouldReadAsWords() {
		assertThat(BrokerOutages.words(Duration.ofSeconds(42))).isEqualTo("42 s");
		assertThat(BrokerOutages.words(Duration.ofSeconds(185))).isEqualTo("3 min 5 s");
		assertThat(BrokerOutages.words(Duration.ofMinutes(121))).isEqualTo("2 h 1 min");
	}

	@Test
	void refusalWithoutMessageShouldBeExplainedByItsCauseOrItsKind() {
		assertThat(BrokerLink.reason(new MessageDeliveryException("Message broker not active")))
			.isEqualTo("Message broker not active");
		assertThat(BrokerLink.reason(new IllegalStateException(null, new RuntimeException("closed"))))
			.isEqualTo("closed");
		assertThat(BrokerLink.reason(new IllegalStateException())).isEqualTo("no reason given, IllegalStateException");
	}

	/**
	 * A send that fails on a channel the broker's connection closed under it is the
	 * outage BrokerOutages logs, not a refusal of its own (CI once logged both, 2 ms
	 * apart, before the relay noticed).
	 */
	@Test
	void sendOnAClosedConnectionShouldCountAsTheOutageNotARefusal() {
		assertThat(BrokerLink.connectionClosed(new MessageDeliveryException(MessageBuilder.withPayload("").build(),
				new IllegalStateException(new ClosedChannelException()))))
			.isTrue();
		assertThat(BrokerLink.connectionClosed(new MessageDeliveryException("Message broker not active"))).isFalse();
	}

}
