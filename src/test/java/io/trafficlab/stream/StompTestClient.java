package io.trafficlab.stream;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;

import org.springframework.messaging.converter.JacksonJsonMessageConverter;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandler;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

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
