package io.trafficlab.stream;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of unsent messages all connections hold together, and their limit
 * ({@code trafficlab.stream.send-buffers}).
 */
final class SendBudget {

	private final long limit;

	private final AtomicLong held = new AtomicLong();

	SendBudget(long limit) {
		this.limit = limit;
	}

	void take(long bytes) {
		this.held.addAndGet(bytes);
	}

	void give(long bytes) {
		this.held.addAndGet(-bytes);
	}

	boolean exceeded() {
		return this.held.get() > this.limit;
	}

	long held() {
		return this.held.get();
	}

}
