package io.trafficlab.benchmark;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import io.trafficlab.stream.WebSocketWire.Frame;

/**
 * Reads many {@link StreamClient}s' connections on a few threads, one selector each,
 * instead of a thread per client: a thousand students' threads, each woken for each
 * batch, would take the servers' CPU on the machine they share (the browsers they stand
 * for run elsewhere). {@code -Dreaders} threads (2, one per core here).
 */
final class SharedReaders {

	static final SharedReaders INSTANCE = new SharedReaders(Integer.getInteger("readers", 2));

	private final List<Reader> readers = new ArrayList<>();

	private final AtomicInteger next = new AtomicInteger();

	private SharedReaders(int threads) {
		for (int i = 0; i < threads; i++) {
			Reader reader = new Reader();
			Thread thread = new Thread(reader, "shared-reader-" + (i + 1));
			thread.setDaemon(true);
			thread.start();
			this.readers.add(reader);
		}
	}

	/**
	 * Reads {@code client}'s connection from now on; nothing of it may have been read
	 * past the last whole frame.
	 */
	void take(StreamClient client, SocketChannel channel) throws IOException {
		channel.configureBlocking(false);
		this.readers.get(Math.floorMod(this.next.getAndIncrement(), this.readers.size())).add(client, channel);
	}

	/** One thread's connections. */
	private static final class Reader implements Runnable {

		private final Selector selector;

		private final Queue<Connection> arriving = new ConcurrentLinkedQueue<>();

		Reader() {
			try {
				this.selector = Selector.open();
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}

		void add(StreamClient client, SocketChannel channel) {
			this.arriving.add(new Connection(client, channel));
			this.selector.wakeup();
		}

		@Override
		public void run() {
			while (true) {
				try {
					this.selector.select();
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
				for (Connection connection = this.arriving.poll(); connection != null; connection = this.arriving
					.poll()) {
					try {
						connection.channel.register(this.selector, SelectionKey.OP_READ, connection);
					}
					catch (ClosedChannelException ex) {
						connection.client.failed(ex);
					}
				}
				for (SelectionKey key : this.selector.selectedKeys()) {
					Connection connection = (Connection) key.attachment();
					try {
						connection.read();
					}
					catch (IOException ex) {
						key.cancel();
						connection.client.failed(ex);
						connection.close();
					}
				}
				this.selector.selectedKeys().clear();
			}
		}

	}

	/** A connection's bytes read and not yet handled. */
	private static final class Connection {

		final StreamClient client;

		final SocketChannel channel;

		private ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);

		private final byte[] head = new byte[StreamClient.HEAD];

		Connection(StreamClient client, SocketChannel channel) {
			this.client = client;
			this.channel = channel;
		}

		void close() {
			try {
				this.channel.close();
			}
			catch (IOException ex) {
				// closing anyway
			}
		}

		void read() throws IOException {
			if (this.channel.read(this.buffer) < 0) {
				throw new IOException("The server closed the connection");
			}
			this.buffer.flip();
			while (true) {
				int length = frameLength();
				if (length < 0) {
					break;
				}
				if (length > this.buffer.remaining()) {
					if (length > this.buffer.capacity()) {
						this.buffer = ByteBuffer.allocate(length).put(this.buffer);
						this.buffer.flip();
					}
					break;
				}
				int first = this.buffer.get() & 0xFF;
				int second = this.buffer.get() & 0x7F;
				this.buffer.position(this.buffer.position() + ((second == 126) ? 2 : (second == 127) ? 8 : 0));
				int payloadLength = length - headerLength(second);
				if (isWholeUncompressedMessage(first) && this.client.needsOnlyHeads()) {
					// the common case read in place: no copy of the whole batch, so this
					// JVM's collector stays out of the figures
					int headLength = Math.min(payloadLength, StreamClient.HEAD);
					this.buffer.get(this.head, 0, headLength);
					this.buffer.position(this.buffer.position() + payloadLength - headLength);
					this.client.handle(this.head, headLength, payloadLength, null);
					continue;
				}
				byte[] payload = new byte[payloadLength];
				this.buffer.get(payload);
				byte[] message = this.client.assemble(new Frame(first, payload));
				if (message != null) {
					this.client.handle(message);
				}
			}
			this.buffer.compact();
		}

		/** The whole next frame's length, or -1 while its header has not all come. */
		private int frameLength() {
			if (this.buffer.remaining() < 2) {
				return -1;
			}
			int start = this.buffer.position();
			int second = this.buffer.get(start + 1) & 0x7F;
			int header = headerLength(second);
			if (this.buffer.remaining() < header) {
				return -1;
			}
			long payload = (second == 126) ? (this.buffer.getShort(start + 2) & 0xFFFF)
					: (second == 127) ? this.buffer.getLong(start + 2) : second;
			return Math.toIntExact(header + payload);
		}

		/** A text or binary frame that is a whole message, not compressed. */
		private static boolean isWholeUncompressedMessage(int first) {
			int opcode = first & 0x0F;
			return (first & 0x80) != 0 && (first & 0x40) == 0 && (opcode == 0x1 || opcode == 0x2);
		}

		private static int headerLength(int second) {
			return (second == 126) ? 4 : (second == 127) ? 10 : 2;
		}

	}

}
