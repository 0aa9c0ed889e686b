package io.trafficlab.deploy;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;

/**
 * Debian's {@code haproxy} running the shipped {@code deploy/haproxy/haproxy.cfg} in
 * front of instances A and B on loopback ports, as the project's own process. Without the
 * binary a test is skipped, unless {@code trafficlab.test.haproxy.required=true}
 * ({@code .ci/run} sets it), which makes it fail.
 */
public final class ShippedHaproxy implements AutoCloseable {

	static final Path CONFIG = Path.of("deploy/haproxy/haproxy.cfg");

	private final Process process;

	private final Path log;

	private final int port;

	private ShippedHaproxy(Process process, Path log, int port) {
		this.process = process;
		this.log = log;
		this.port = port;
	}

	/** Starts it in front of A and B and waits until it accepts connections. */
	public static ShippedHaproxy start(int portA, int portB) throws IOException, InterruptedException {
		File binary = binary();
		int port = freePort();
		Path log = Files.createTempFile("haproxy", ".log");
		ProcessBuilder builder = new ProcessBuilder(binary.getPath(), "-db", "-f", CONFIG.toString())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().put("TRAFFICLAB_BIND", "127.0.0.1:" + port);
		builder.environment().put("TRAFFICLAB_A", "127.0.0.1:" + portA);
		builder.environment().put("TRAFFICLAB_B", "127.0.0.1:" + portB);
		ShippedHaproxy haproxy = new ShippedHaproxy(builder.start(), log, port);
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!haproxy.accepts()) {
			if (!haproxy.process.isAlive() || System.nanoTime() > deadline) {
				haproxy.close();
				throw new IllegalStateException("haproxy did not start; its output: " + haproxy.log());
			}
			Thread.sleep(50);
		}
		return haproxy;
	}

	/** The port it listens on, on 127.0.0.1. */
	public int port() {
		return this.port;
	}

	/** What it has written so far. */
	public String log() {
		try {
			return Files.readString(this.log);
		}
		catch (IOException ex) {
			return "(its log could not be read: " + ex.getMessage() + ")";
		}
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			this.process.waitFor();
			Files.deleteIfExists(this.log);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (IOException ex) {
			// A temporary file left behind
		}
	}

	private boolean accepts() {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** The binary; skips or fails the test without it. */
	public static File binary() {
		for (String candidate : new String[] { "/usr/sbin/haproxy", "/usr/bin/haproxy", "/usr/local/sbin/haproxy" }) {
			File file = new File(candidate);
			if (file.canExecute()) {
				return file;
			}
		}
		String why = "haproxy is not installed (apt-get install haproxy; .ci/run does it)";
		if (Boolean.getBoolean("trafficlab.test.haproxy.required")) {
			throw new IllegalStateException(why);
		}
		Assumptions.abort(why);
		throw new AssertionError(why);
	}

	static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
