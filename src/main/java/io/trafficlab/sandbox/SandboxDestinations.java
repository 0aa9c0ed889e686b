package io.trafficlab.sandbox;

/**
 * Where a sandbox is reached: its command URLs and its STOMP destinations.
 */
public final class SandboxDestinations {

	/** The command API's root. */
	public static final String API = "/api/v1/sandboxes";

	/** The STOMP endpoint (WebSocket). */
	public static final String ENDPOINT = "/ws";

	private SandboxDestinations() {
	}

	/** The topic a sandbox's event batches are published on. */
	public static String eventsTopic(String id) {
		return "/topic/sandboxes/" + id + "/events";
	}

	/** The topic a sandbox's statistics are published on. */
	public static String statsTopic(String id) {
		return "/topic/sandboxes/" + id + "/stats";
	}

	/** Subscribing here answers once, directly, with the sandbox's snapshot. */
	public static String snapshotDestination(String id) {
		return "/app/sandboxes/" + id + "/snapshot";
	}

	/** The sandbox's snapshot over HTTP. */
	public static String snapshotUrl(String id) {
		return API + "/" + id + "/snapshot";
	}

}
