package io.trafficlab.benchmark;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import io.trafficlab.stream.WebSocketWire;
import io.trafficlab.stream.WebSocketWire.Frame;

/**
 * One browser's WebSocket on a plain socket, for the load benchmarks: Chromium's
 * handshake, STOMP in masked text frames, read on a thread of its own or on one shared
 * with other clients ({@link Reading}). Batches ({@code …/events}) and statistics
 * ({@code …/stats}) are counted into a {@link StreamMeter}; any other topic's messages go
 * whole to a {@link Listener}.
 */
final class StreamClient implements Runnable {

	private static final Pattern TICK_WALL_TIME = Pattern.compile("\"tickWallTime\":(\\d+)");

	/**
	 * How much of a message's start is read: its STOMP headers and the batch's first
	 * fields.
	 */
	static final int HEAD = 600;

	private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");

	private static final Pattern DESTINATION = Pattern.compile("\ndestination:([^\n]*)\n");

	/**
	 * How a client reads: everything on a thread of its own, everything on one of a few
	 * threads shared by all such clients ({@link SharedReaders}), slowly
	 * ({@code slowBytes} a second), or never.
	 */
	enum Reading {

		ALL, SHARED, SLOW, NONE;

		/**
		 * How the benchmarks' clients that read everything read: on {@code -Dreaders}
		 * shared threads (2), or each on its own ({@code -Dreaders=0}).
		 */
		static Reading everything() {
			return (readers() > 0) ? SHARED : ALL;
		}

		/** The same, in words for a report. */
		static String described() {
			return (readers() > 0) ? readers() + " shared threads" : "a thread each";
		}

		private static int readers() {
			return Integer.getInteger("readers", 2);
		}

	}

	/** Receives the messages of topics other than a stream's events and statistics. */
	interface Listener {

		/**
		 * @param body the message's body, decoded
		 * @param arrivedNanos {@link System#nanoTime()} when the message had been read
		 */
		void message(String destination, String body, long arrivedNanos);

	}

	private final StreamMeter meter;

	private final Listener listener;

	private final Socket socket;

	private final DataInputStream in;

	private final OutputStream out;

	private final Reading reading;

	private final Inflater inflater;

	private final boolean resetInflater;

	private final long connectedAt = System.nanoTime();

	private volatile double closedAfter = -1;

	private long lastSeq = -1;

	/** The fragments of a message that has not ended yet. */
	private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

	private boolean pendingCompressed;

	private StreamClient(StreamMeter meter, Listener listener, Socket socket, String handshake, Reading reading)
			throws IOException {
		this.meter = meter;
		this.listener = listener;
		this.socket = socket;
		this.in = new DataInputStream(socket.getInputStream());
		this.out = socket.getOutputStream();
		this.reading = reading;
		String extensions = handshake.toLowerCase(Locale.ROOT);
		this.inflater = extensions.contains("permessage-deflate") ? new Inflater(true) : null;
		this.resetInflater = extensions.contains("server_no_context_takeover");
	}

	/**
	 * Connects to the server on the loopback {@code port} and subscribes to a stream's
	 * events and statistics ({@code topics} is the prefix, e.g.
	 * {@code /topic/rooms/K7F2QX}).
	 */
	static StreamClient connect(int port, StreamMeter meter, String topics, Reading reading) throws IOException {
		return connect(port, meter, null, reading, List.of(topics + "/events", topics + "/stats"));
	}

	/**
	 * Connects and subscribes to {@code destinations}, in order; messages of topics other
	 * than events and statistics go to {@code listener}.
	 */
	static StreamClient connect(int port, StreamMeter meter, Listener listener, Reading reading,
			List<String> destinations) throws IOException {
		return connect(port, "/ws", meter, listener, reading, destinations);
	}

	/**
	 * The same on the endpoint at {@code path} (a room watcher's {@code /ws?room=CODE}).
	 */
	static StreamClient connect(int port, String path, StreamMeter meter, Listener listener, Reading reading,
			List<String> destinations) throws IOException {
		// a channel's socket, so that a shared reader can take the connection over
		SocketChannel channel = SocketChannel.open();
		Socket socket = channel.socket();
		if (reading == Reading.SLOW || reading == Reading.NONE) {
			socket.setReceiveBufferSize(4096);
		}
		socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
		socket.setSoTimeout(60_000);
		String response = WebSocketWire.upgrade(socket, port, path);
		StreamClient client = new StreamClient(meter, listener, socket, response, reading);
		client.send("CONNECT\naccept-version:1.2\nhost:127.0.0.1\nheart-beat:0,0\n\n\0");
		String connected = new String(client.receive(), StandardCharsets.UTF_8);
		if (!connected.startsWith("CONNECTED")) {
			throw new IOException("Expected CONNECTED, got " + connected);
		}
		for (int i = 0; i < destinations.size(); i++) {
			client.send("SUBSCRIBE\nid:" + i + "\ndestination:" + destinations.get(i) + "\n\n\0");
		}
		if (reading == Reading.SHARED) {
			SharedReaders.INSTANCE.take(client, channel);
		}
		else if (reading != Reading.NONE) {
			Thread thread = new Thread(null, client, "client", 256 * 1024);
			thread.setDaemon(true);
			thread.start();
		}
		return client;
	}

	@Override
	public void run() {
		try {
			while (true) {
				handle(receive());
			}
		}
		catch (IOException ex) {
			failed(ex);
		}
	}

	/** Counts or passes on one STOMP frame that has just been read whole. */
	void handle(byte[] frame) throws IOException {
		handle(frame, Math.min(frame.length, HEAD), frame.length, frame);
	}

	/** Whether a message can be handled from its {@link #HEAD} first bytes alone. */
	boolean needsOnlyHeads() {
		return this.listener == null;
	}

	/**
	 * The same from the message's first {@code headLength} bytes ({@link #HEAD} at most),
	 * {@code length} long in all; {@code whole} is the whole message, or null when
	 * {@link #needsOnlyHeads()}.
	 */
	void handle(byte[] head, int headLength, int length, byte[] whole) throws IOException {
		long arrived = System.currentTimeMillis();
		long arrivedNanos = System.nanoTime();
		// only the STOMP headers and the start of the body are read: decoding
		// whole batches would load the machine the server runs on
		String start = new String(head, 0, headLength, StandardCharsets.UTF_8);
		Matcher destination = DESTINATION.matcher(start);
		if (!start.startsWith("MESSAGE\n") || !destination.find()) {
			if (start.startsWith("ERROR")) {
				throw new IOException("The server sent " + start);
			}
			return;
		}
		String topic = destination.group(1);
		if (topic.endsWith("/events")) {
			batch(start, length, arrived);
		}
		else if (topic.endsWith("/stats")) {
			this.meter.statistics();
		}
		else if (this.listener != null) {
			this.listener.message(topic, body(whole), arrivedNanos);
		}
	}

	/** The connection failed, unless this side closed it. */
	void failed(IOException ex) {
		if (!this.socket.isClosed()) {
			this.meter.failed(ex);
		}
	}

	private static String body(byte[] frame) {
		String message = new String(frame, StandardCharsets.UTF_8);
		int start = message.indexOf("\n\n") + 2;
		int end = message.indexOf('\0', start);
		return message.substring(start, (end < 0) ? message.length() : end);
	}

	private void batch(String frame, int length, long arrived) {
		int body = Math.max(0, frame.indexOf("\n\n"));
		String head = frame.substring(body);
		Matcher wall = TICK_WALL_TIME.matcher(head);
		Matcher seq = SEQ.matcher(head);
		if (!wall.find() || !seq.find()) {
			return;
		}
		long number = Long.parseLong(seq.group(1));
		if (this.reading == Reading.ALL || this.reading == Reading.SHARED) {
			this.meter.batch(number, Long.parseLong(wall.group(1)), length, this.lastSeq, arrived);
		}
		this.lastSeq = number;
	}

	void send(String text) throws IOException {
		byte[] frame = WebSocketWire.maskedText(text);
		synchronized (this.out) {
			this.out.write(frame);
			this.out.flush();
		}
	}

	/** Reads the next message, joining fragments and inflating if negotiated. */
	byte[] receive() throws IOException {
		while (true) {
			byte[] message = assemble(WebSocketWire.readFrame(this.in, this::readSlowly));
			if (message != null) {
				return message;
			}
		}
	}

	/**
	 * Adds a frame to the message being read: answers the message once its last frame has
	 * come, joined and inflated, and null before.
	 */
	byte[] assemble(Frame frame) throws IOException {
		if (frame.isClose()) {
			throw new IOException("The server closed the connection");
		}
		if (!frame.isData()) {
			return null;
		}
		if (frame.opcode() != 0x0) {
			this.pending.reset();
			this.pendingCompressed = frame.isCompressed();
		}
		if (this.pendingCompressed && frame.isFinal()) {
			this.meter.compressed();
		}
		if (frame.isFinal() && this.pending.size() == 0) {
			return this.pendingCompressed ? inflate(frame.payload()) : frame.payload();
		}
		this.pending.write(frame.payload());
		if (!frame.isFinal()) {
			return null;
		}
		byte[] message = this.pending.toByteArray();
		this.pending.reset();
		return this.pendingCompressed ? inflate(message) : message;
	}

	private void readSlowly(byte[] payload) throws IOException {
		if (this.reading != Reading.SLOW) {
			this.in.readFully(payload);
			return;
		}
		int perSecond = Integer.getInteger("slowBytes", 20_000);
		int chunk = Math.max(1, perSecond / 10);
		for (int offset = 0; offset < payload.length; offset += chunk) {
			this.in.readFully(payload, offset, Math.min(chunk, payload.length - offset));
			try {
				TimeUnit.MILLISECONDS.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException(ex);
			}
		}
	}

	private byte[] inflate(byte[] compressed) throws IOException {
		if (this.inflater == null) {
			throw new IOException("A compressed message arrived, though compression was not negotiated");
		}
		if (this.resetInflater) {
			this.inflater.reset();
		}
		byte[] input = Arrays.copyOf(compressed, compressed.length + 4);
		input[compressed.length + 2] = (byte) 0xFF;
		input[compressed.length + 3] = (byte) 0xFF;
		this.inflater.setInput(input);
		ByteArrayOutputStream out = new ByteArrayOutputStream(compressed.length * 4);
		byte[] buffer = new byte[16 * 1024];
		try {
			while (!this.inflater.needsInput()) {
				int n = this.inflater.inflate(buffer);
				if (n == 0) {
					break;
				}
				out.write(buffer, 0, n);
			}
		}
		catch (DataFormatException ex) {
			throw new IOException(ex);
		}
		return out.toByteArray();
	}

	/**
	 * Notes when the server side of this (frozen) connection left ESTABLISHED: the server
	 * closed it, though the client never read the close.
	 */
	void checkClosedByServer(int serverPort) throws IOException {
		if (this.closedAfter >= 0) {
			return;
		}
		String local = String.format(Locale.ROOT, ":%04X ", serverPort);
		String remote = String.format(Locale.ROOT, ":%04X ", this.socket.getLocalPort());
		for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
			for (String line : Files.readAllLines(Path.of(table))) {
				String[] fields = line.trim().split("\\s+");
				if (fields.length > 3 && (fields[1] + " ").endsWith(local) && (fields[2] + " ").endsWith(remote)) {
					if ("01".equals(fields[3])) {
						return;
					}
				}
			}
		}
		this.closedAfter = (System.nanoTime() - this.connectedAt) / 1e9;
	}

	String closedAfter() {
		return (this.closedAfter < 0) ? "open" : String.format(Locale.ROOT, "%.1f", this.closedAfter);
	}

	void close() {
		try {
			this.socket.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
	}

}
