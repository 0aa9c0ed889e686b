package io.trafficlab.challenge;

import io.trafficlab.sandbox.Preset;
import io.trafficlab.sandbox.Sandbox;
import io.trafficlab.teaching.Challenge;
import io.trafficlab.teaching.TeachingSandboxes;

import org.springframework.stereotype.Component;

/**
 * A challenge's sandbox, the same for its page (created by the page's script) and its
 * embed (created by the embed's Start): the challenge's cluster, seed, settings and
 * speed.
 */
@Component
public record ChallengeSandboxes(TeachingSandboxes starts) {

	/**
	 * Starts a sandbox from the challenge's start.
	 * @throws io.trafficlab.sandbox.SandboxRequestException when no sandbox can start now
	 */
	Sandbox start(Challenge challenge) {
		return this.starts.start(challenge);
	}

	/**
	 * The challenge's start as the playground's view names it (also on a student's
	 * challenge page in a room).
	 */
	public static Preset preset(Challenge challenge) {
		return Preset.unlisted(challenge.title(), "The cluster this challenge starts from. Start over brings it back.",
				challenge.start().manifests());
	}

}
