package io.trafficlab.stream;

import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.messaging.simp.stomp.StompBrokerRelayMessageHandler;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole server with its relay on the real RabbitMQ of {@link RabbitMqBroker}, one
 * application context for every test class that extends it. The virtual host is
 * RabbitMQ's default, named as an operator would ({@code /}).
 */
@ExtendWith(RabbitMqBroker.Named.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "trafficlab.stream.relay.virtual-host=/")
abstract class RabbitMqServer extends RunningServer {

	@Autowired
	protected StompBrokerRelayMessageHandler relay;

	@BeforeAll
	static void needsRabbitMq() {
		RabbitMqBroker.fromSystemProperties().awaitListening();
	}

	@DynamicPropertySource
	static void broker(DynamicPropertyRegistry registry) {
		RabbitMqBroker.relayTo(registry);
	}

	/**
	 * The relay connects its system session asynchronously after the context starts, and
	 * again after an outage.
	 */
	void awaitBrokerAvailable() throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (!this.relay.isBrokerAvailable() && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		assertThat(this.relay.isBrokerAvailable()).as("the relay's system session is connected to RabbitMQ").isTrue();
	}

}
