package io.trafficlab.stream;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client written on a plain socket, as a browser's would be seen from the
 * server: it offers {@code permessage-deflate} exactly as Chromium does, speaks STOMP in
 * masked text frames, and can stop reading at any moment (a laptop that went to sleep).
 * Its receive buffer is small, so the server's writes stall soon after it stops.
 */
final class RawStreamClient implements AutoCloseable {

	/** What Chromium sends in every WebSocket handshake. */
	static final String CHROMIUM_EXTENSIONS = "permessage-deflate; client_max_window_bits";

	private final Socket socket;

	private final DataInputStream in;

	private final OutputStream out;

	private final String handshakeResponse;

	private RawStreamClient(Socket socket, String handshakeResponse) throws IOException {
		this.socket = socket;
		this.in = new DataInputStream(socket.getInputStream());
		this.out = socket.getOutputStream();
		this.handshakeResponse = handshakeResponse;
	}

	/**
	 * Connects to {@code /ws}, offering compression as Chromium does, and says CONNECT.
	 */
	static RawStreamClient connect(int port) throws IOException {
		Socket socket = new Socket();
		socket.setReceiveBufferSize(4096);
		socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
		socket.setSoTimeout(10_000);
		byte[] nonce = new byte[16];
		ThreadLocalRandom.current().nextBytes(nonce);
		String request = "GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
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
		RawStreamClient client = new RawStreamClient(socket, response);
		client.send("CONNECT\naccept-version:1.2\nhost:127.0.0.1\nheart-beat:0,0\n\n\0");
		String connected = client.receive();
		if (!connected.startsWith("CONNECTED")) {
			throw new IOException("Expected CONNECTED, got " + connected);
		}
		return client;
	}

	/** The server's answer to the upgrade, its headers. */
	String handshakeResponse() {
		return this.handshakeResponse;
	}

	void subscribe(String id, String destination) throws IOException {
		send("SUBSCRIBE\nid:" + id + "\ndestination:" + destination + "\n\n\0");
	}

	/** Sends one masked text frame. */
	void send(String text) throws IOException {
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
		frame.write(mask);
		for (int i = 0; i < payload.length; i++) {
			frame.write(payload[i] ^ mask[i % 4]);
		}
		this.out.write(frame.toByteArray());
		this.out.flush();
	}

	/** Reads the next text frame (unfragmented, as Tomcat sends STOMP frames). */
	String receive() throws IOException {
		while (true) {
			int first = this.in.readUnsignedByte();
			int second = this.in.readUnsignedByte();
			if ((first & 0x40) != 0) {
				throw new IOException("A compressed frame arrived, though compression was refused");
			}
			long length = second & 0x7F;
			if (length == 126) {
				length = this.in.readUnsignedShort();
			}
			else if (length == 127) {
				length = this.in.readLong();
			}
			byte[] payload = new byte[Math.toIntExact(length)];
			this.in.readFully(payload);
			int opcode = first & 0x0F;
			if (opcode == 0x8) {
				throw new IOException("The server closed the connection");
			}
			if (opcode == 0x1) {
				return new String(payload, StandardCharsets.UTF_8);
			}
		}
	}

	/**
	 * Whether the server has closed the connection, read after the client stops being
	 * frozen: it drains what the server wrote and answers whether the stream ended.
	 */
	boolean closedByServer() {
		try {
			this.socket.setSoTimeout(2_000);
			while (true) {
				receive();
			}
		}
		catch (SocketTimeoutException ex) {
			return false;
		}
		catch (IOException ex) {
			return true;
		}
	}

	@Override
	public void close() throws IOException {
		this.socket.close();
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

}
