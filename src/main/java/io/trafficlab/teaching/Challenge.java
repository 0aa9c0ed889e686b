package io.trafficlab.teaching;

import java.util.List;

import io.trafficlab.engine.goal.Goal;

/**
 * A challenge: a goal to reach in a live sandbox from a given start, checked against the
 * sandbox's state (so every correct answer counts), with hints revealed one at a time and
 * a solution shown once the goal holds. Read from {@code challenges/<id>.yaml}
 * (docs/lessons.md, "Challenge files").
 *
 * @param id the file name without {@code .yaml}, as in {@code /challenges/<id>}
 * @param title a short title
 * @param brief what to achieve, in a few sentences
 * @param order where the challenge comes in the list (smaller first)
 * @param start the sandbox the challenge starts from
 * @param goal the conditions that must all hold
 * @param hints the hints, in the order they are revealed
 * @param solution why the goal holds and which answers reach it, shown once it holds
 * @param sources where the facts the brief, hints and solution state come from ("Why we
 * say this"), possibly none
 */
public record Challenge(String id, String title, String brief, int order, ChallengeStart start, Goal goal,
		List<String> hints, String solution, List<ClaimSource> sources) {

	public Challenge {
		hints = List.copyOf(hints);
		sources = List.copyOf(sources);
	}

}
