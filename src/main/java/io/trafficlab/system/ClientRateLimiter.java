package io.trafficlab.system;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per client: {@code burst} requests at once, then {@code perMinute} a
 * minute. Buckets that have refilled are forgotten once more than {@value #MAX_CLIENTS}
 * clients are tracked, so memory stays bounded.
 */
public final class ClientRateLimiter {

	static final int MAX_CLIENTS = 10_000;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	private final double perMinute;

	private final int burst;

	private final Clock clock;

	public ClientRateLimiter(double perMinute, int burst, Clock clock) {
		if (!(perMinute > 0) || burst < 1) {
			throw new IllegalArgumentException("A rate limit needs a positive rate and a burst of at least 1");
		}
		this.perMinute = perMinute;
		this.burst = burst;
		this.clock = clock;
	}

	/**
	 * Takes one request from the client's bucket.
	 * @return empty when the request may go ahead, otherwise how long the client must
	 * wait before the next one (at least one second)
	 */
	public Optional<Duration> acquire(String client) {
		long now = this.clock.millis();
		if (this.buckets.size() > MAX_CLIENTS) {
			forgetFull(now);
		}
		Bucket bucket = this.buckets.compute(client,
				(key, old) -> ((old != null) ? old.refilled(now, this) : new Bucket(this.burst, now)).take());
		return bucket.granted() ? Optional.empty() : wait(bucket);
	}

	private Optional<Duration> wait(Bucket bucket) {
		if (bucket.tokens() >= 1) {
			return Optional.empty();
		}
		double missing = 1 - bucket.tokens();
		return Optional.of(Duration.ofSeconds(Math.max(1, (long) Math.ceil(missing * 60 / this.perMinute))));
	}

	/**
	 * How long the client must wait before its next request, without taking one; empty
	 * when it may go ahead now.
	 */
	public Optional<Duration> waitFor(String client) {
		Bucket bucket = this.buckets.get(client);
		return (bucket == null) ? Optional.empty() : wait(bucket.refilled(this.clock.millis(), this));
	}

	int tracked() {
		return this.buckets.size();
	}

	private void forgetFull(long now) {
		this.buckets.entrySet().removeIf((entry) -> entry.getValue().refilled(now, this).tokens() >= this.burst);
		if (this.buckets.size() > MAX_CLIENTS) {
			// Only while very many clients are busy at once: fail open rather than grow
			this.buckets.clear();
		}
	}

	private record Bucket(double tokens, long atMillis, boolean granted) {

		Bucket(double tokens, long atMillis) {
			this(tokens, atMillis, false);
		}

		Bucket refilled(long now, ClientRateLimiter limiter) {
			double added = Math.max(0, now - this.atMillis) * limiter.perMinute / 60_000.0;
			return new Bucket(Math.min(limiter.burst, this.tokens + added), Math.max(now, this.atMillis));
		}

		Bucket take() {
			return (this.tokens >= 1) ? new Bucket(this.tokens - 1, this.atMillis, true)
					: new Bucket(this.tokens, this.atMillis, false);
		}

	}

}
