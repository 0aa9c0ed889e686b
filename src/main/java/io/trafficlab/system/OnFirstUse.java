package io.trafficlab.system;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * A value computed once, when it is first asked for, and kept: the bundled catalogues
 * (lessons, challenges) are read this way so that start-up, and the first page, do not
 * wait for files that page does not show (README, Benchmarks, "Startup"). A computation
 * that fails fails the same way for every caller, with the same exception.
 *
 * @param <T> the value
 */
public final class OnFirstUse<T> implements Supplier<T> {

	private final Supplier<T> computation;

	private @Nullable T value;

	private @Nullable RuntimeException failure;

	public OnFirstUse(Supplier<T> computation) {
		this.computation = computation;
	}

	@Override
	public synchronized T get() {
		if (this.failure != null) {
			throw this.failure;
		}
		if (this.value == null) {
			try {
				this.value = this.computation.get();
			}
			catch (RuntimeException ex) {
				this.failure = ex;
				throw ex;
			}
		}
		return this.value;
	}

}
