package io.trafficlab.stream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Just enough of a STOMP 1.2 broker over TCP for the relay's test, standing in for
 * RabbitMQ (which is not on the project's machines): it accepts every CONNECT, keeps
 * SUBSCRIBEs, copies each SEND to the subscribers of exactly that destination as a
 * MESSAGE, and records every frame it receives. No heart-beats, no acknowledgements, no
 * wildcards.
 */
final class SmallStompBroker implements AutoCloseable {

	/** A frame the broker received. */
	record Frame(String command, Map<String, String> headers, String body) {

		String header(String name) {
			return this.headers.get(name);
		}

	}

	private record Subscription(Connection connection, String id, String destination) {

	}

	private final ServerSocket server;

	private final List<Frame> received = new CopyOnWriteArrayList<>();

	private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();

	private final List<Connection> connections = new CopyOnWriteArrayList<>();

	private final AtomicLong messageIds = new AtomicLong();

	private SmallStompBroker(ServerSocket server) {
		this.server = server;
		Thread acceptor = new Thread(this::accept, "small-stomp-broker");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	/** Listens on a free loopback port. */
	static SmallStompBroker start() {
		try {
			return new SmallStompBroker(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	int port() {
		return this.server.getLocalPort();
	}

	/** Every frame received so far, in order of arrival per connection. */
	List<Frame> received() {
		return List.copyOf(this.received);
	}

	@Override
	public void close() throws IOException {
		this.server.close();
		for (Connection connection : this.connections) {
			connection.socket.close();
		}
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Connection connection = new Connection(this.server.accept());
				this.connections.add(connection);
				Thread reader = new Thread(connection::read, "small-stomp-broker-connection");
				reader.setDaemon(true);
				reader.start();
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void handle(Connection connection, Frame frame) throws IOException {
		this.received.add(frame);
		switch (frame.command()) {
			case "CONNECT", "STOMP" -> connection.write("CONNECTED", Map.of("version", "1.2", "heart-beat", "0,0"), "");
			case "SUBSCRIBE" ->
				this.subscriptions.add(new Subscription(connection, frame.header("id"), frame.header("destination")));
			case "UNSUBSCRIBE" ->
				this.subscriptions.removeIf((s) -> s.connection() == connection && s.id().equals(frame.header("id")));
			case "SEND" -> {
				for (Subscription subscription : this.subscriptions) {
					if (subscription.destination().equals(frame.header("destination"))) {
						Map<String, String> headers = new LinkedHashMap<>();
						headers.put("destination", subscription.destination());
						headers.put("subscription", subscription.id());
						headers.put("message-id", String.valueOf(this.messageIds.incrementAndGet()));
						headers.put("content-type", frame.headers().getOrDefault("content-type", "text/plain"));
						subscription.connection().write("MESSAGE", headers, frame.body());
					}
				}
			}
			case "DISCONNECT" -> {
				this.subscriptions.removeIf((s) -> s.connection() == connection);
				String receipt = frame.header("receipt");
				if (receipt != null) {
					connection.write("RECEIPT", Map.of("receipt-id", receipt), "");
				}
			}
			default -> {
			}
		}
	}

	/**
	 * One TCP connection: frames end with NUL; newlines between frames are heart-beats.
	 */
	private final class Connection {

		private final Socket socket;

		private final OutputStream out;

		Connection(Socket socket) throws IOException {
			this.socket = socket;
			this.out = socket.getOutputStream();
		}

		void read() {
			try (InputStream in = this.socket.getInputStream()) {
				ByteArrayOutputStream frame = new ByteArrayOutputStream();
				int b;
				while ((b = in.read()) != -1) {
					if (b != 0) {
						frame.write(b);
						continue;
					}
					String text = frame.toString(StandardCharsets.UTF_8).replaceFirst("^[\\r\\n]+", "");
					frame.reset();
					handle(this, parse(text));
				}
			}
			catch (IOException ex) {
				// The connection closed
			}
		}

		synchronized void write(String command, Map<String, String> headers, String body) throws IOException {
			byte[] payload = body.getBytes(StandardCharsets.UTF_8);
			StringBuilder frame = new StringBuilder(command).append('\n');
			headers.forEach((name, value) -> frame.append(name).append(':').append(value).append('\n'));
			if (!command.equals("CONNECTED")) {
				frame.append("content-length:").append(payload.length).append('\n');
			}
			frame.append('\n');
			this.out.write(frame.toString().getBytes(StandardCharsets.UTF_8));
			this.out.write(payload);
			this.out.write(0);
			this.out.flush();
		}

		private static Frame parse(String text) {
			int end = text.indexOf("\n\n");
			String head = (end >= 0) ? text.substring(0, end) : text;
			String body = (end >= 0) ? text.substring(end + 2) : "";
			String[] lines = head.split("\r?\n");
			Map<String, String> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				if (colon > 0) {
					headers.putIfAbsent(lines[i].substring(0, colon), lines[i].substring(colon + 1));
				}
			}
			return new Frame(lines[0], headers, body);
		}

	}

}
