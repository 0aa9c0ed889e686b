package io.trafficlab.stream;

import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Function;

import io.trafficlab.sandbox.Sandbox;
import io.trafficlab.sandbox.SandboxDestinations;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import org.jspecify.annotations.Nullable;

import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandler;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A STOMP client over a real WebSocket to the application's {@code /ws}, reading every
 * payload as a JSON object. Stop it after the test.
 */
final class StompTestClient implements AutoCloseable {

	/**
	 * Batches are larger than the 8 KiB Tomcat's client accepts by default; it would
	 * close the session.
	 */
	private static final int MAX_MESSAGE_BYTES = 1024 * 1024;

	private final WebSocketStompClient client;

	private final String url;

	StompTestClient(int port) {
		WebSocketContainer container = ContainerProvider.getWebSocketContainer();
		container.setDefaultMaxTextMessageBufferSize(MAX_MESSAGE_BYTES);
		// The server sends its STOMP frames as binary WebSocket messages
		// (NonBlockingSession)
		container.setDefaultMaxBinaryMessageBufferSize(MAX_MESSAGE_BYTES);
		this.client = new WebSocketStompClient(new StandardWebSocketClient(container));
		this.client.setInboundMessageSizeLimit(MAX_MESSAGE_BYTES);
		this.client.setMessageConverter(new JacksonJsonMessageConverter());
		this.url = "ws://127.0.0.1:" + port + "/ws";
	}

	StompSession connect() throws Exception {
		return connect(new StompSessionHandlerAdapter() {
		});
	}

	/** Connects, with a handler that hears ERROR frames and transport failures. */
	StompSession connect(StompSessionHandler handler) throws Exception {
		return this.client.connectAsync(this.url, handler).get(10, TimeUnit.SECONDS);
	}

	/**
	 * Connects as a browser page would: {@code query} appended to {@code /ws}, and the
	 * handshake's headers (an {@code Origin}).
	 */
	StompSession connect(String query, WebSocketHttpHeaders handshake, StompSessionHandler handler) throws Exception {
		return this.client.connectAsync(this.url + query, handshake, handler).get(10, TimeUnit.SECONDS);
	}

	/** Every payload sent to the destination, in order of arrival. */
	static BlockingQueue<Map<String, Object>> subscribe(StompSession session, String destination) {
		BlockingQueue<Map<String, Object>> received = new LinkedBlockingQueue<>();
		session.subscribe(destination, jsonObjects((headers, payload) -> received.add(payload)));
		return received;
	}

	/** Every batch of the sandbox's events, in order of arrival. */
	static BlockingQueue<Map<String, Object>> subscribeToEvents(StompSession session, Sandbox sandbox) {
		return subscribe(session, SandboxDestinations.eventsTopic(sandbox.id()));
	}

	/** Every statistics message of the sandbox, in order of arrival. */
	static BlockingQueue<Map<String, Object>> subscribeToStatistics(StompSession session, Sandbox sandbox) {
		return subscribe(session, SandboxDestinations.statsTopic(sandbox.id()));
	}

	/** The sandbox's snapshot, answered to the subscription. */
	static BlockingQueue<Map<String, Object>> subscribeToSnapshot(StompSession session, Sandbox sandbox) {
		return subscribe(session, SandboxDestinations.snapshotDestination(sandbox.id()));
	}

	/** The next {@code count} messages on the queue, which must all come within 10 s. */
	static List<Map<String, Object>> take(BlockingQueue<Map<String, Object>> queue, int count)
			throws InterruptedException {
		List<Map<String, Object>> taken = new ArrayList<>();
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (taken.size() < count && System.nanoTime() < deadline) {
			Map<String, Object> next = queue.poll(200, TimeUnit.MILLISECONDS);
			if (next != null) {
				taken.add(next);
			}
		}
		assertThat(taken).as("messages received within 10 s").hasSize(count);
		return taken;
	}

	/** The batches' {@code seq}s, each of which must be one more than the one before. */
	static List<Long> consecutiveSeqs(List<Map<String, Object>> batches) {
		List<Long> seqs = batches.stream().map((batch) -> number(batch, "seq")).toList();
		for (int i = 1; i < seqs.size(); i++) {
			assertThat(seqs.get(i)).as("seq after " + seqs.get(i - 1)).isEqualTo(seqs.get(i - 1) + 1);
		}
		return seqs;
	}

	/**
	 * What {@code find} finds in the first message on the queue it finds something in,
	 * within 10 s; {@code null} when none comes.
	 */
	static <T> @Nullable T findWithin10s(BlockingQueue<Map<String, Object>> queue,
			Function<Map<String, Object>, @Nullable T> find) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (System.nanoTime() < deadline) {
			Map<String, Object> message = queue.poll(1, TimeUnit.SECONDS);
			T found = (message != null) ? find.apply(message) : null;
			if (found != null) {
				return found;
			}
		}
		return null;
	}

	/**
	 * A frame handler that reads each payload as a JSON object and hands it on with the
	 * frame's headers.
	 */
	static StompFrameHandler jsonObjects(BiConsumer<StompHeaders, Map<String, Object>> each) {
		return new StompFrameHandler() {

			@Override
			public Type getPayloadType(StompHeaders headers) {
				return Map.class;
			}

			@Override
			@SuppressWarnings("unchecked")
			public void handleFrame(StompHeaders headers, Object payload) {
				each.accept(headers, (Map<String, Object>) payload);
			}

		};
	}

	/** A batch's events. */
	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> events(Map<String, Object> batch) {
		return (List<Map<String, Object>>) batch.get("events");
	}

	/** A number of a JSON object, as a long. */
	static long number(Map<String, Object> json, String key) {
		return ((Number) json.get(key)).longValue();
	}

	@Override
	public void close() {
		this.client.stop();
	}

}
