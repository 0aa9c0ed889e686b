package io.trafficlab.stream;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.trafficlab.TrafficLabApplication;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real RabbitMQ (with its STOMP plugin) that {@code .ci/run} starts through
 * {@code .ci/rabbitmq start} and names in system properties:
 * {@code trafficlab.test.rabbitmq=HOST:PORT} (its STOMP port), {@code .login},
 * {@code .passcode}. Without them a test is skipped, unless
 * {@code trafficlab.test.rabbitmq.required=true}, which makes it fail: a green CI run has
 * really talked to RabbitMQ.
 *
 * @param host the broker's host
 * @param port its STOMP port
 * @param login the STOMP login
 * @param passcode its passcode
 */
record RabbitMqBroker(String host, int port, String login, String passcode) {

	static final String PROPERTY = "trafficlab.test.rabbitmq";

	private static final String SCRIPT = ".ci/rabbitmq";

	private static final String MISSING = "RabbitMQ is needed and -D" + PROPERTY
			+ "=HOST:PORT (its STOMP port) is not set; start one with '.ci/rabbitmq start' and pass its settings, "
			+ "or run .ci/run";

	static final String NOT_CONTROLLABLE = "This test stops and restarts RabbitMQ, so it needs the one "
			+ "'.ci/rabbitmq start' started from this checkout (target/rabbitmq.env)";

	private static final Duration LISTENING_WITHIN = Duration.ofSeconds(90);

	/** The broker named by the system properties; skips or fails the test without it. */
	static RabbitMqBroker fromSystemProperties() {
		String address = System.getProperty(PROPERTY);
		if (address == null || address.isBlank()) {
			missing(MISSING);
		}
		int colon = address.lastIndexOf(':');
		if (colon < 1) {
			throw new IllegalArgumentException("-D" + PROPERTY + " must be HOST:PORT, not '" + address + "'");
		}
		return new RabbitMqBroker(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)),
				System.getProperty(PROPERTY + ".login", "guest"), System.getProperty(PROPERTY + ".passcode", "guest"));
	}

	/**
	 * Waits until the broker accepts connections: {@code .ci/run} starts it in the
	 * background while Maven builds, and it takes 10-30 s to open its STOMP port.
	 */
	RabbitMqBroker awaitListening() {
		long deadline = System.nanoTime() + LISTENING_WITHIN.toNanos();
		while (true) {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress(this.host, this.port), 1_000);
				return this;
			}
			catch (IOException ex) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("RabbitMQ's STOMP port " + this.host + ":" + this.port
							+ " did not accept a connection within " + LISTENING_WITHIN.toSeconds()
							+ " s; if .ci/run started it, see target/rabbitmq-start.log");
				}
				sleep();
			}
		}
	}

	private static void sleep() {
		try {
			Thread.sleep(250);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for RabbitMQ", ex);
		}
	}

	/**
	 * Skips (disables, so that the report counts the tests as skipped) a test class when
	 * no broker is named, unless {@code .required} is true: then the class runs and
	 * {@link #fromSystemProperties()} fails it with the reason.
	 */
	static final class Named implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			String address = System.getProperty(PROPERTY);
			if ((address != null && !address.isBlank()) || Boolean.getBoolean(PROPERTY + ".required")) {
				return ConditionEvaluationResult.enabled("RabbitMQ is named, or required");
			}
			return ConditionEvaluationResult.disabled(MISSING);
		}

	}

	/**
	 * Skips a test class that stops and restarts the broker when the broker is not the
	 * one {@code .ci/rabbitmq start} started from this checkout, unless {@code .required}
	 * is true.
	 */
	static final class Controllable implements ExecutionCondition {

		@Override
		public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
			String address = System.getProperty(PROPERTY);
			if (Boolean.getBoolean(PROPERTY + ".required")
					|| (address != null && !address.isBlank() && fromSystemProperties().controllable())) {
				return ConditionEvaluationResult.enabled("RabbitMQ is this checkout's, or required");
			}
			return ConditionEvaluationResult.disabled(NOT_CONTROLLABLE);
		}

	}

	/** Skips the test, or fails it when the property {@code .required} is true. */
	static void missing(String why) {
		if (Boolean.getBoolean(PROPERTY + ".required")) {
			throw new IllegalStateException(why);
		}
		Assumptions.abort(why);
	}

	/**
	 * Points the application's relay at the broker, read when the context starts (after a
	 * {@code @BeforeAll} that calls {@link #fromSystemProperties()} has skipped the class
	 * if there is none).
	 */
	static void relayTo(DynamicPropertyRegistry registry) {
		registry.add("trafficlab.stream.relay.enabled", () -> "true");
		registry.add("trafficlab.stream.relay.host", () -> fromSystemProperties().host());
		registry.add("trafficlab.stream.relay.port", () -> fromSystemProperties().port());
		registry.add("trafficlab.stream.relay.login", () -> fromSystemProperties().login());
		registry.add("trafficlab.stream.relay.passcode", () -> fromSystemProperties().passcode());
	}

	/**
	 * Starts an instance of the whole application, named {@code name}, on a free port,
	 * sharing this broker, as an operator runs several.
	 */
	ConfigurableApplicationContext startInstance(String name, String... more) {
		List<String> properties = new ArrayList<>(List.of("server.port=0", "spring.main.banner-mode=off",
				"trafficlab.instance.id=" + name, "trafficlab.stream.relay.enabled=true",
				"trafficlab.stream.relay.host=" + this.host, "trafficlab.stream.relay.port=" + this.port,
				"trafficlab.stream.relay.login=" + this.login, "trafficlab.stream.relay.passcode=" + this.passcode));
		properties.addAll(List.of(more));
		return new SpringApplicationBuilder(TrafficLabApplication.class).properties(properties.toArray(String[]::new))
			.run();
	}

	/**
	 * Whether this broker is the one {@code .ci/rabbitmq start} started from this
	 * checkout, so that {@link #pause()} and {@link #resume()} can control it.
	 */
	boolean controllable() {
		File settings = new File("target/rabbitmq.env");
		try {
			return settings.isFile() && java.nio.file.Files.readString(settings.toPath(), StandardCharsets.UTF_8)
				.contains("TRAFFICLAB_TEST_RABBITMQ_STOMP=" + this.host + ":" + this.port + "\n");
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** An outage: stops RabbitMQ inside its node, so its ports close. */
	void pause() {
		script("pause");
	}

	/** Ends the outage; returns once the STOMP port answers again. */
	void resume() {
		script("resume");
	}

	private static void script(String command) {
		try {
			Process process = new ProcessBuilder(SCRIPT, command).redirectErrorStream(true).start();
			if (!process.waitFor(90, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(SCRIPT + " " + command + " did not finish within 90 s");
			}
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (process.exitValue() != 0) {
				throw new IllegalStateException(SCRIPT + " " + command + " failed: " + output);
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException(SCRIPT + " " + command + " could not run: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(SCRIPT + " " + command + " was interrupted", ex);
		}
	}

}
