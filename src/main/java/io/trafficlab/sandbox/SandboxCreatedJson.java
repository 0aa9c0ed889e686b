package io.trafficlab.sandbox;

import org.jspecify.annotations.Nullable;

/**
 * The answer to {@code POST /api/v1/sandboxes}: the new sandbox's id and where to watch
 * it; also what the playground fragment needs to watch a sandbox.
 *
 * @param id the id, the only handle on the sandbox
 * @param preset the preset it runs, or {@code null} for pasted manifests
 * @param topic the STOMP topic of its event batches
 * @param statsTopic the STOMP topic of its statistics
 * @param snapshotDestination the STOMP destination that answers a subscription with a
 * snapshot
 * @param snapshotUrl the snapshot over HTTP
 */
public record SandboxCreatedJson(String id, @Nullable String preset, String topic, String statsTopic,
		String snapshotDestination, String snapshotUrl) {

	public static SandboxCreatedJson of(String id, @Nullable String preset) {
		return new SandboxCreatedJson(id, preset, SandboxDestinations.eventsTopic(id),
				SandboxDestinations.statsTopic(id), SandboxDestinations.snapshotDestination(id),
				SandboxDestinations.snapshotUrl(id));
	}

}
