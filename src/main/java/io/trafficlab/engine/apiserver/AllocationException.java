package io.trafficlab.engine.apiserver;

/**
 * An allocator could not hand out or reserve a value; the message is worded like the API
 * server's allocator errors.
 */
final class AllocationException extends RuntimeException {

	AllocationException(String message) {
		super(message);
	}

}
