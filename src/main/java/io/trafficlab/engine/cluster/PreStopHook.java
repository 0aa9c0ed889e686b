package io.trafficlab.engine.cluster;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A container's {@code lifecycle.preStop} hook as the sandbox times it: kubelet runs it
 * before it sends SIGTERM and waits for it, at most the grace period
 * ({@code executePreStopHook}).
 *
 * @param seconds how long the hook keeps the container from receiving SIGTERM
 * @param describe the hook in plain words ({@code "preStop sleep 15 s"})
 * @param handler {@code "sleep"}, {@code "exec"}, {@code "httpGet"} or
 * {@code "tcpSocket"}
 * @param command an {@code exec} hook's command (empty for another handler)
 */
public record PreStopHook(long seconds, String describe, String handler, List<String> command) {

	/** {@code sleep N}, with an optional {@code s} suffix, as {@code sleep} reads it. */
	private static final Pattern SLEEP = Pattern.compile("sleep\\s+(\\d{1,9})s?");

	public PreStopHook {
		if (seconds < 0) {
			throw new IllegalArgumentException("A preStop hook cannot take " + seconds + " s");
		}
		command = List.copyOf(command);
	}

	/** {@code preStop.sleep.seconds}: kubelet itself waits. */
	public static PreStopHook sleep(long seconds) {
		return new PreStopHook(Math.max(0, seconds), "preStop sleep " + Math.max(0, seconds) + " s", "sleep",
				List.of());
	}

	/**
	 * {@code preStop.exec.command}: {@code ["sleep", "N"]} or
	 * {@code ["/bin/sh", "-c", "sleep N"]} waits N s; any other command is taken to
	 * finish at once (the sandbox does not run it).
	 */
	public static PreStopHook exec(List<String> command) {
		String shown = String.join(" ", command);
		String script = null;
		if (command.size() == 2 && isSleep(command.get(0))) {
			script = "sleep " + command.get(1).trim();
		}
		else if (command.size() == 3 && isShell(command.get(0)) && command.get(1).equals("-c")) {
			script = command.get(2).trim();
		}
		Matcher matcher = (script != null) ? SLEEP.matcher(script) : null;
		if (matcher != null && matcher.matches()) {
			long seconds = Long.parseLong(matcher.group(1));
			return new PreStopHook(seconds, "preStop exec `" + shown + "` (" + seconds + " s)", "exec", command);
		}
		return new PreStopHook(0, "preStop exec `" + shown + "` (taken to finish at once)", "exec", command);
	}

	/**
	 * Another handler ({@code httpGet}, {@code tcpSocket}): taken to finish at once.
	 */
	public static PreStopHook other(String handler) {
		return new PreStopHook(0, "preStop " + handler + " (taken to finish at once)", handler, List.of());
	}

	private static boolean isSleep(String program) {
		return program.equals("sleep") || program.endsWith("/sleep");
	}

	private static boolean isShell(String program) {
		return program.equals("sh") || program.equals("bash") || program.endsWith("/sh") || program.endsWith("/bash");
	}

}
