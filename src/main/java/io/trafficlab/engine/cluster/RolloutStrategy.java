package io.trafficlab.engine.cluster;

import org.jspecify.annotations.Nullable;

/**
 * A Deployment's {@code spec.strategy}: {@code RollingUpdate}, with how far a rollout may
 * go above and below the replica count, or {@code Recreate}, which deletes every old pod
 * before it creates a new one. Each rolling value is a count ({@code "1"}) or a
 * percentage ({@code "25%"}); a missing one is the API server's default, 25 % each.
 *
 * @param recreate {@code type: Recreate}
 * @param maxSurge {@code rollingUpdate.maxSurge}, or {@code null} for the default
 * @param maxUnavailable {@code rollingUpdate.maxUnavailable}, or {@code null} for the
 * default
 */
public record RolloutStrategy(boolean recreate, @Nullable String maxSurge, @Nullable String maxUnavailable) {

	/** What a Deployment without a strategy gets (SetDefaults_Deployment). */
	public static final RolloutStrategy DEFAULT = new RolloutStrategy(null, null);

	/** {@code type: Recreate} ({@code rolloutRecreate} in {@code recreate.go}). */
	public static final RolloutStrategy RECREATE = new RolloutStrategy(true, null, null);

	private static final String DEFAULT_PERCENT = "25%";

	public RolloutStrategy {
		check(maxSurge, "maxSurge");
		check(maxUnavailable, "maxUnavailable");
	}

	/** A rolling update with these values. */
	public RolloutStrategy(@Nullable String maxSurge, @Nullable String maxUnavailable) {
		this(false, maxSurge, maxUnavailable);
	}

	/**
	 * How many pods above {@code replicas} a rollout may create: a percentage rounds up,
	 * as {@code ResolveFenceposts} asks of {@code GetScaledValueFromIntOrPercent}.
	 */
	public int surge(int replicas) {
		int surge = scaled(value(this.maxSurge), replicas, true);
		int unavailable = scaled(value(this.maxUnavailable), replicas, false);
		return (surge == 0 && unavailable == 0) ? 0 : surge;
	}

	/**
	 * How many of {@code replicas} may be unavailable: a percentage rounds down; when
	 * both values come to 0 it is 1, so that the rollout can progress
	 * ({@code ResolveFenceposts}). It never exceeds {@code replicas}
	 * ({@code MaxUnavailable}).
	 */
	public int unavailable(int replicas) {
		int surge = scaled(value(this.maxSurge), replicas, true);
		int unavailable = scaled(value(this.maxUnavailable), replicas, false);
		if (surge == 0 && unavailable == 0) {
			unavailable = 1;
		}
		return Math.min(unavailable, replicas);
	}

	/** {@code maxSurge 25%, maxUnavailable 25%}, or {@code Recreate}. */
	public String describe() {
		if (this.recreate) {
			return "Recreate";
		}
		return "maxSurge " + value(this.maxSurge) + ", maxUnavailable " + value(this.maxUnavailable);
	}

	private static String value(@Nullable String declared) {
		return (declared != null) ? declared : DEFAULT_PERCENT;
	}

	private static int scaled(String value, int total, boolean roundUp) {
		if (value.endsWith("%")) {
			long percent = Long.parseLong(value.substring(0, value.length() - 1));
			long product = percent * total;
			return (int) (roundUp ? (product + 99) / 100 : product / 100);
		}
		return Integer.parseInt(value);
	}

	/** Whether a value is a non-negative count or percentage this record accepts. */
	public static boolean isValid(String value) {
		String digits = value.endsWith("%") ? value.substring(0, value.length() - 1) : value;
		return !digits.isEmpty() && digits.length() <= 9 && digits.chars().allMatch(Character::isDigit);
	}

	private static void check(@Nullable String value, String field) {
		if (value != null && !isValid(value)) {
			throw new IllegalArgumentException("spec.strategy.rollingUpdate." + field
					+ " must be a non-negative count or a percentage such as 25%, not \"" + value + "\"");
		}
	}

}
