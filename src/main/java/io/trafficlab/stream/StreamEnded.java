package io.trafficlab.stream;

/**
 * The last message on a room's events topic: the room has ended, nothing more will come.
 *
 * @param type always {@code "StreamEnded"}, to tell it from a batch
 * @param message what the student reads
 */
record StreamEnded(String type, String message) {

	static StreamEnded because(String message) {
		return new StreamEnded("StreamEnded", message);
	}

}
