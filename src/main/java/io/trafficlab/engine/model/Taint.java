package io.trafficlab.engine.model;

import org.jspecify.annotations.Nullable;

/**
 * A node taint.
 *
 * @param key the taint key
 * @param value the taint value, or {@code null}
 * @param effect {@code NoSchedule}, {@code PreferNoSchedule} or {@code NoExecute}
 */
public record Taint(String key, @Nullable String value, String effect) {

	/** The taint key the cluster autoscaler puts on nodes it is about to delete (R19). */
	public static final String TO_BE_DELETED_KEY = "ToBeDeletedByClusterAutoscaler";

}
