package io.trafficlab.stream;

import java.util.Map;
import java.util.Set;

/**
 * What one instance tells the others through the broker, once a second: the rooms it owns
 * and, for every room anybody watches through it, how many of its browsers do.
 *
 * @param instance the sender's symbol
 * @param boot random per start, so that two instances given the same symbol are noticed
 * @param owned the codes of the rooms open on the sender
 * @param watchers the sender's browsers watching each room's events, by code (any owner)
 */
record InstanceReport(String instance, String boot, Set<String> owned, Map<String, Integer> watchers) {

	/** Where reports travel: a broker topic, which no browser reaches. */
	static final String TOPIC = "/topic/trafficlab.instances";

}
