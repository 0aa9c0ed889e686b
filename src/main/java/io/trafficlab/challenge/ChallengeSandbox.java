package io.trafficlab.challenge;

import io.trafficlab.sandbox.SandboxDestinations;

/**
 * What the playground fragment needs to watch a challenge's sandbox.
 *
 * @param id the sandbox's id
 * @param topic its events topic
 * @param statsTopic its statistics topic
 * @param snapshotDestination where a subscription gets its snapshot
 */
public record ChallengeSandbox(String id, String topic, String statsTopic, String snapshotDestination) {

	static ChallengeSandbox of(String id) {
		return new ChallengeSandbox(id, SandboxDestinations.eventsTopic(id), SandboxDestinations.statsTopic(id),
				SandboxDestinations.snapshotDestination(id));
	}

}
