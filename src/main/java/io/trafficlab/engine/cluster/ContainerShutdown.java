package io.trafficlab.engine.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * What one container does when its pod is deleted: its {@code preStop} hook, then what
 * the app does on SIGTERM.
 *
 * @param name the container's name
 * @param preStop its {@code lifecycle.preStop} hook, or {@code null}
 * @param sigtermSeconds how long the app keeps serving after SIGTERM before it exits
 * ({@link #UNTIL_KILLED}: it ignores SIGTERM and serves until SIGKILL)
 * @param onSigterm what the app does on SIGTERM, in plain words
 * @param image its image, or {@code null}
 * @param command its {@code command}
 * @param args its {@code args}
 */
public record ContainerShutdown(String name, @Nullable PreStopHook preStop, long sigtermSeconds, String onSigterm,
		@Nullable String image, List<String> command, List<String> args) {

	/**
	 * An app that ignores SIGTERM: only SIGKILL at the end of the grace period stops it.
	 */
	public static final long UNTIL_KILLED = Long.MAX_VALUE;

	private static final String DELAY_FLAG = "--delay-shutdown";

	public ContainerShutdown {
		if (sigtermSeconds < 0) {
			throw new IllegalArgumentException("An app cannot serve " + sigtermSeconds + " s after SIGTERM");
		}
		command = List.copyOf(command);
		args = List.copyOf(args);
	}

	/**
	 * Reads a container's behaviour from its spec. Kubernetes' test web server,
	 * {@code agnhost netexec}, exits on SIGTERM after {@code --delay-shutdown} seconds (0
	 * by default: at once); any other image is assumed to exit at once too, since the
	 * sandbox cannot know what it does.
	 */
	public static ContainerShutdown of(String name, @Nullable String image, List<String> command, List<String> args,
			@Nullable PreStopHook preStop) {
		List<String> words = new ArrayList<>(command);
		words.addAll(args);
		boolean agnhost = image != null && image.toLowerCase(Locale.ROOT).contains("agnhost");
		if (agnhost && words.contains("netexec")) {
			long delay = delayShutdown(words);
			String onSigterm = (delay > 0)
					? "agnhost netexec --delay-shutdown=" + delay + " keeps serving " + delay + " s after SIGTERM"
					: "agnhost netexec exits at once on SIGTERM (no --delay-shutdown)";
			return new ContainerShutdown(name, preStop, delay, onSigterm, image, command, args);
		}
		String app = (image != null) ? image : "its image";
		return new ContainerShutdown(name, preStop, 0, "the app (" + app + ") is assumed to exit at once on SIGTERM",
				image, command, args);
	}

	/**
	 * netexec's {@code --delay-shutdown} (an int flag, default 0), written
	 * {@code --delay-shutdown=N} or {@code --delay-shutdown N}; netexec sleeps only when
	 * it is positive.
	 */
	private static long delayShutdown(List<String> words) {
		long delay = 0;
		for (int i = 0; i < words.size(); i++) {
			String word = words.get(i);
			String value = null;
			if (word.startsWith(DELAY_FLAG + "=")) {
				value = word.substring(DELAY_FLAG.length() + 1);
			}
			else if (word.equals(DELAY_FLAG) && i + 1 < words.size()) {
				value = words.get(i + 1);
			}
			if (value != null) {
				try {
					delay = Math.max(0, Long.parseLong(value.trim()));
				}
				catch (NumberFormatException ex) {
					delay = 0;
				}
			}
		}
		return delay;
	}

}
