package io.trafficlab.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import io.trafficlab.room.RoomRegistry;
import io.trafficlab.sandbox.Sandbox;
import io.trafficlab.sandbox.SandboxRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandler;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;

/**
 * What the stream tests that run the whole server on a random port share: its port, its
 * sandbox and room registries, sandboxes that end after each test, and a STOMP client
 * made before and closed after each test, with the errors its sessions report. Each test
 * class keeps its own {@code @SpringBootTest}, since their properties differ.
 */
abstract class RunningServer {

	@LocalServerPort
	protected int port;

	@Autowired
	protected SandboxRegistry sandboxes;

	@Autowired
	protected RoomRegistry rooms;

	/** A STOMP client over a real WebSocket to this server. */
	protected StompTestClient client;

	/** What the sessions of {@link #recordingErrors()} heard go wrong, in order. */
	protected final BlockingQueue<String> errors = new LinkedBlockingQueue<>();

	private final List<Sandbox> created = new ArrayList<>();

	@BeforeEach
	void createStompClient() {
		this.client = new StompTestClient(this.port);
	}

	/**
	 * A new sandbox from {@code preset} (the default one when {@code null}), seeded by
	 * the order it was created in this test (1, 2, …); it ends after the test.
	 */
	protected Sandbox sandbox(@Nullable String preset) {
		Sandbox sandbox = this.sandboxes.createFromPreset(preset, this.created.size() + 1L);
		this.created.add(sandbox);
		return sandbox;
	}

	/**
	 * A session handler that adds to {@link #errors} each ERROR frame's text (its
	 * {@code message} header), {@code "transport: "} and each transport failure, and any
	 * other failure's message.
	 */
	protected StompSessionHandler recordingErrors() {
		return new StompSessionHandlerAdapter() {

			@Override
			public void handleFrame(StompHeaders headers, Object payload) {
				RunningServer.this.errors.add(String.valueOf(headers.getFirst("message")));
			}

			@Override
			public void handleTransportError(StompSession session, Throwable exception) {
				RunningServer.this.errors.add("transport: " + exception.getMessage());
			}

			@Override
			public void handleException(StompSession session, StompCommand command, StompHeaders headers,
					byte[] payload, Throwable exception) {
				RunningServer.this.errors.add(String.valueOf(exception.getMessage()));
			}

		};
	}

	@AfterEach
	void stopClientAndEndSandboxes() {
		this.client.close();
		this.created.forEach((sandbox) -> this.sandboxes.end(sandbox.id()));
	}

}
