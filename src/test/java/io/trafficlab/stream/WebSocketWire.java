package io.trafficlab.stream;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The WebSocket wire as a browser speaks it, on a plain socket: Chromium's upgrade
 * request, masked text frames out, raw frames in. Shared by the stream tests' raw client
 * and the load benchmark's clients.
 */
public final class WebSocketWire {

	/** What Chromium sends in every WebSocket handshake. */
	public static final String CHROMIUM_EXTENSIONS = "permessage-deflate; client_max_window_bits";

	private WebSocketWire() {
	}

	/**
	 * Asks the server on {@code port} to upgrade {@code /ws} to STOMP over WebSocket,
	 * offering compression as Chromium does; answers the response's headers, or closes
	 * the socket and throws when the upgrade is refused.
	 */
	public static String upgrade(Socket socket, int port) throws IOException {
		return upgrade(socket, port, "/ws");
	}

	/**
	 * The same for the endpoint at {@code path}, which may carry a query (a room
	 * watcher's {@code /ws?room=CODE}).
	 */
	public static String upgrade(Socket socket, int port, String path) throws IOException {
		byte[] nonce = new byte[16];
		ThreadLocalRandom.current().nextBytes(nonce);
		String request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
				+ "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
				+ Base64.getEncoder().encodeToString(nonce) + "\r\nSec-WebSocket-Protocol: v12.stomp\r\n"
				+ "Sec-WebSocket-Extensions: " + CHROMIUM_EXTENSIONS + "\r\nOrigin: http://127.0.0.1:" + port
				+ "\r\n\r\n";
		socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
		String response = readHeaders(socket.getInputStream());
		if (!response.startsWith("HTTP/1.1 101")) {
			socket.close();
			throw new IOException("The upgrade was refused: " + response);
		}
		return response;
	}

	/** One masked text frame carrying {@code text}, as a client must send it. */
	public static byte[] maskedText(String text) {
		byte[] payload = text.getBytes(StandardCharsets.UTF_8);
		ByteArrayOutputStream frame = new ByteArrayOutputStream();
		frame.write(0x81);
		if (payload.length < 126) {
			frame.write(0x80 | payload.length);
		}
		else {
			frame.write(0x80 | 126);
			frame.write(payload.length >> 8);
			frame.write(payload.length & 0xFF);
		}
		byte[] mask = new byte[4];
		ThreadLocalRandom.current().nextBytes(mask);
		frame.write(mask, 0, mask.length);
		for (int i = 0; i < payload.length; i++) {
			frame.write(payload[i] ^ mask[i % 4]);
		}
		return frame.toByteArray();
	}

	/**
	 * Reads the next frame from the server (unmasked); {@code payloadReader} fills its
	 * payload, so a caller can read it slowly.
	 */
	public static Frame readFrame(DataInputStream in, PayloadReader payloadReader) throws IOException {
		int first = in.readUnsignedByte();
		int second = in.readUnsignedByte();
		long length = second & 0x7F;
		if (length == 126) {
			length = in.readUnsignedShort();
		}
		else if (length == 127) {
			length = in.readLong();
		}
		byte[] payload = new byte[Math.toIntExact(length)];
		payloadReader.read(payload);
		return new Frame(first, payload);
	}

	private static String readHeaders(InputStream in) throws IOException {
		ByteArrayOutputStream headers = new ByteArrayOutputStream();
		int matched = 0;
		while (matched < 4) {
			int next = in.read();
			if (next < 0) {
				throw new IOException("The connection closed during the handshake: " + headers);
			}
			headers.write(next);
			matched = (next == "\r\n\r\n".charAt(matched)) ? matched + 1 : ((next == '\r') ? 1 : 0);
		}
		return headers.toString(StandardCharsets.US_ASCII);
	}

	/** Fills a frame's payload from the socket. */
	@FunctionalInterface
	public interface PayloadReader {

		void read(byte[] payload) throws IOException;

	}

	/**
	 * One frame as it arrived.
	 *
	 * @param first the first byte: FIN, RSV1 (compressed) and the opcode
	 * @param payload the payload
	 */
	public record Frame(int first, byte[] payload) {

		public int opcode() {
			return this.first & 0x0F;
		}

		public boolean isClose() {
			return opcode() == 0x8;
		}

		/** A text or binary frame, or the continuation of one. */
		public boolean isData() {
			return opcode() == 0x1 || opcode() == 0x2 || opcode() == 0x0;
		}

		public boolean isFinal() {
			return (this.first & 0x80) != 0;
		}

		/** Whether RSV1 is set: the message is compressed with permessage-deflate. */
		public boolean isCompressed() {
			return (this.first & 0x40) != 0;
		}

	}

}
