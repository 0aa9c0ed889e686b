package io.trafficlab.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The process that listens on a loopback TCP port, found as {@code ss -p} finds it: the
 * listening socket's inode in {@code /proc/net/tcp}, then the process holding that socket
 * among {@code /proc/PID/fd}. Only processes of this user can be read, which is enough
 * for a broker the benchmark's user started.
 */
final class ListeningProcess {

	private static final String LISTEN = "0A";

	private ListeningProcess() {
	}

	/** The id of the process listening on {@code port}, if this user can see it. */
	static Optional<Long> on(int port) throws IOException {
		Optional<String> inode = listeningInode(port);
		if (inode.isEmpty()) {
			return Optional.empty();
		}
		String socket = "socket:[" + inode.get() + "]";
		try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
			return processes.filter((dir) -> dir.getFileName().toString().matches("\\d+"))
				.filter((dir) -> holds(dir, socket))
				.map((dir) -> Long.parseLong(dir.getFileName().toString()))
				.findFirst();
		}
	}

	private static Optional<String> listeningInode(int port) throws IOException {
		String local = String.format(Locale.ROOT, ":%04X", port);
		for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
			for (String line : Files.readAllLines(Path.of(table))) {
				String[] fields = line.trim().split("\\s+");
				if (fields.length > 9 && fields[1].endsWith(local) && LISTEN.equals(fields[3])) {
					return Optional.of(fields[9]);
				}
			}
		}
		return Optional.empty();
	}

	private static boolean holds(Path process, String socket) {
		try (Stream<Path> fds = Files.list(process.resolve("fd"))) {
			return fds.anyMatch((fd) -> {
				try {
					return socket.equals(Files.readSymbolicLink(fd).toString());
				}
				catch (IOException ex) {
					return false;
				}
			});
		}
		catch (IOException | RuntimeException ex) {
			// another user's process, or one that ended meanwhile
			return false;
		}
	}

	/** The command name of process {@code pid} ({@code /proc/PID/comm}). */
	static String name(long pid) throws IOException {
		return Files.readString(Path.of("/proc", String.valueOf(pid), "comm")).trim();
	}

}
