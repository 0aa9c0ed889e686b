package io.trafficlab.engine.cluster;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * How a pod shuts down when it is deleted, read from its spec (or its workload's pod
 * template): its {@code terminationGracePeriodSeconds} and each container's
 * {@link ContainerShutdown}.
 *
 * @param gracePeriodSeconds {@code spec.terminationGracePeriodSeconds}, or {@code null}
 * when not set (the API server's default, 30 s)
 * @param containers its containers; none for a pod declared without them (the engine's
 * own fixtures), which is taken to serve until its grace period ends
 */
public record PodShutdown(@Nullable Long gracePeriodSeconds, List<ContainerShutdown> containers) {

	/** The API server's default {@code terminationGracePeriodSeconds}. */
	public static final long DEFAULT_GRACE_SECONDS = 30;

	/**
	 * kubelet's {@code minimumGracePeriodInSeconds}: the SIGTERM window is never shorter,
	 * even when the preStop hook used up the grace period.
	 */
	public static final long MINIMUM_WINDOW_SECONDS = 2;

	private static final long SECOND = 1_000_000L;

	/** Nothing declared: the default grace period, no containers. */
	public static final PodShutdown UNDECLARED = new PodShutdown(null, List.of());

	public PodShutdown {
		containers = List.copyOf(containers);
		if (gracePeriodSeconds != null && gracePeriodSeconds < 0) {
			throw new IllegalArgumentException("terminationGracePeriodSeconds must not be negative");
		}
	}

	/**
	 * The pod's timeline after its deletion, in microseconds from it. kubelet stops each
	 * container in parallel ({@code killContainer}): it runs the preStop hook, waiting at
	 * most the grace period, then sends SIGTERM and waits what is left of it, at least 2
	 * s, before SIGKILL. The pod serves until its first container exits (it is no longer
	 * Ready, so its endpoint turns {@code serving=false}); it is deleted once the last
	 * has exited.
	 * @param defaultGraceMicros the grace period when the spec sets none
	 */
	public Timeline timeline(long defaultGraceMicros) {
		long grace = (this.gracePeriodSeconds != null) ? this.gracePeriodSeconds * SECOND : defaultGraceMicros;
		if (this.containers.isEmpty()) {
			return new Timeline(grace, grace, "no container is declared, so it is taken to serve until its "
					+ seconds(grace) + " grace period ends");
		}
		Exit first = null;
		long last = 0;
		for (ContainerShutdown container : this.containers) {
			Exit exit = exit(container, grace);
			if (first == null || exit.after < first.after) {
				first = exit;
			}
			last = Math.max(last, exit.after);
		}
		return new Timeline(first.after, last, first.why);
	}

	private static Exit exit(ContainerShutdown container, long grace) {
		long hook = 0;
		String hookPart = null;
		PreStopHook preStop = container.preStop();
		if (preStop != null && grace > 0) {
			long wanted = saturatedMicros(preStop.seconds());
			hook = Math.min(wanted, grace);
			hookPart = (wanted > grace)
					? preStop.describe() + " was cut short when the " + seconds(grace) + " grace period ran out"
					: preStop.describe() + " ended";
		}
		long window = Math.max(grace - hook, MINIMUM_WINDOW_SECONDS * SECOND);
		long wanted = saturatedMicros(container.sigtermSeconds());
		String appPart;
		if (wanted > window) {
			appPart = "SIGKILL ended it after SIGTERM and a " + seconds(window) + " window (" + container.onSigterm()
					+ ")";
		}
		else if (wanted == 0) {
			appPart = "the app exited on SIGTERM (" + container.onSigterm() + ")";
		}
		else {
			appPart = "the app exited " + seconds(wanted) + " after SIGTERM (" + container.onSigterm() + ")";
		}
		String why = (hookPart != null) ? hookPart + ", then " + appPart : appPart;
		return new Exit(hook + Math.min(wanted, window), container.name() + ": " + why);
	}

	private static long saturatedMicros(long seconds) {
		return (seconds > Long.MAX_VALUE / SECOND) ? Long.MAX_VALUE : seconds * SECOND;
	}

	private static String seconds(long micros) {
		long whole = micros / SECOND;
		return (micros % SECOND == 0) ? whole + " s" : (micros / 1000) / 1000.0 + " s";
	}

	private record Exit(long after, String why) {
	}

	/**
	 * A deleted pod's timeline, in microseconds after its deletion.
	 *
	 * @param servingMicros how long it keeps serving (its first container exits then)
	 * @param goneMicros when its last container has exited and the pod object is removed
	 * @param why why it stops serving then, in plain words
	 */
	public record Timeline(long servingMicros, long goneMicros, String why) {
	}

}
