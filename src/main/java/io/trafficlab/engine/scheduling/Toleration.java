package io.trafficlab.engine.scheduling;

import java.util.List;
import java.util.Objects;

import io.trafficlab.engine.model.Taint;

import org.jspecify.annotations.Nullable;

/**
 * A pod toleration.
 *
 * @param key the taint key it tolerates; {@code null} or empty with {@code Exists}
 * tolerates every taint
 * @param operator {@code Equal} (the default) or {@code Exists}
 * @param value the taint value for {@code Equal}
 * @param effect the taint effect it tolerates; {@code null} or empty tolerates every
 * effect
 */
public record Toleration(@Nullable String key, @Nullable String operator, @Nullable String value,
		@Nullable String effect) {

	/** The taint kube-controller-manager puts on cordoned nodes. */
	public static final String UNSCHEDULABLE_KEY = "node.kubernetes.io/unschedulable";

	/** The tolerations the DaemonSet controller adds to every daemon pod. */
	public static final List<Toleration> DAEMON_SET_DEFAULTS = List.of(
			new Toleration("node.kubernetes.io/not-ready", "Exists", null, "NoExecute"),
			new Toleration("node.kubernetes.io/unreachable", "Exists", null, "NoExecute"),
			new Toleration("node.kubernetes.io/disk-pressure", "Exists", null, "NoSchedule"),
			new Toleration("node.kubernetes.io/memory-pressure", "Exists", null, "NoSchedule"),
			new Toleration("node.kubernetes.io/pid-pressure", "Exists", null, "NoSchedule"),
			new Toleration(UNSCHEDULABLE_KEY, "Exists", null, "NoSchedule"));

	/**
	 * Whether this toleration tolerates the taint (the scheduler's
	 * {@code ToleratesTaint}).
	 */
	public boolean tolerates(Taint taint) {
		if (this.effect != null && !this.effect.isEmpty() && !this.effect.equals(taint.effect())) {
			return false;
		}
		if (this.key != null && !this.key.isEmpty() && !this.key.equals(taint.key())) {
			return false;
		}
		if ("Exists".equals(this.operator)) {
			return true;
		}
		if (this.operator == null || this.operator.isEmpty() || "Equal".equals(this.operator)) {
			return Objects.requireNonNullElse(this.value, "").equals(Objects.requireNonNullElse(taint.value(), ""));
		}
		return false;
	}

}
