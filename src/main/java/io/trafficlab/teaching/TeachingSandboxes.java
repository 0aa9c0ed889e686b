package io.trafficlab.teaching;

import io.trafficlab.sandbox.Sandbox;
import io.trafficlab.sandbox.SandboxRegistry;
import io.trafficlab.sandbox.SandboxRequestException;
import org.jspecify.annotations.Nullable;

/**
 * Sandboxes in a lesson step's or a challenge's start, and a question's reveal applied to
 * one, through the sandbox's own command checks: the same for a learner's page, its embed
 * and a classroom room.
 */
public final class TeachingSandboxes {

	private final SandboxRegistry registry;

	private final LessonCatalog lessons;

	public TeachingSandboxes(SandboxRegistry registry, LessonCatalog lessons) {
		this.registry = registry;
		this.lessons = lessons;
	}

	/**
	 * A new sandbox in the step's state: its cluster, settings, speed and pause.
	 * @throws SandboxRequestException when no sandbox can start now
	 */
	public Sandbox start(Lesson lesson, int step) {
		StepStart start = this.lessons.start(lesson, step);
		Sandbox sandbox = this.registry.createFromDeclaration(start.declaration(), start.settings());
		if (start.speed() != 1) {
			sandbox.speed(start.speed());
		}
		if (start.paused()) {
			sandbox.pause();
		}
		return sandbox;
	}

	/** Puts a live sandbox in the step's state, as {@link #start} would start it. */
	public void moveTo(Sandbox sandbox, Lesson lesson, int step) {
		StepStart start = this.lessons.start(lesson, step);
		this.registry.switchToDeclaration(sandbox, start.declaration(), start.settings());
		sandbox.speed(start.speed());
		if (start.paused()) {
			sandbox.pause();
		}
		else {
			sandbox.resume();
		}
	}

	/**
	 * A new sandbox from the challenge's start: its cluster, seed, settings and speed.
	 * @throws SandboxRequestException when no sandbox can start now
	 */
	public Sandbox start(Challenge challenge) {
		ChallengeStart start = challenge.start();
		Sandbox sandbox = this.registry.createFromDeclaration(start.declaration(), start.seed(), start::settings);
		if (start.speed() != null) {
			sandbox.speed(start.speed());
		}
		return sandbox;
	}

	/**
	 * Applies the reveal's commands in order.
	 * @return {@code null}, or why a command was refused (the sandbox was changed so that
	 * it no longer fits)
	 */
	public static @Nullable String reveal(Sandbox sandbox, Question question) {
		try {
			question.reveal().forEach(sandbox::apply);
			return null;
		}
		catch (RuntimeException ex) {
			return String.valueOf(ex.getMessage());
		}
	}

}
