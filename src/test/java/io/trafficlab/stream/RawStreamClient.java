package io.trafficlab.stream;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

import io.trafficlab.stream.WebSocketWire.Frame;

/**
 * A WebSocket client written on a plain socket, as a browser's would be seen from the
 * server: it offers {@code permessage-deflate} exactly as Chromium does, speaks STOMP in
 * masked text frames, and can stop reading at any moment (a laptop that went to sleep).
 * Its receive buffer is small, so the server's writes stall soon after it stops.
 */
final class RawStreamClient implements AutoCloseable {

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
		String response = WebSocketWire.upgrade(socket, port);
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
		this.out.write(WebSocketWire.maskedText(text));
		this.out.flush();
	}

	/** Reads the next text frame (unfragmented, as Tomcat sends STOMP frames). */
	String receive() throws IOException {
		while (true) {
			Frame frame = WebSocketWire.readFrame(this.in, this.in::readFully);
			if (frame.isCompressed()) {
				throw new IOException("A compressed frame arrived, though compression was refused");
			}
			if (frame.isClose()) {
				throw new IOException("The server closed the connection");
			}
			if (frame.opcode() == 0x1 || frame.opcode() == 0x2) {
				return new String(frame.payload(), StandardCharsets.UTF_8);
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

}
