package io.trafficlab.lesson;

import java.util.Optional;

import io.trafficlab.export.ManifestExporter;
import io.trafficlab.sandbox.Sandbox;
import io.trafficlab.sandbox.SandboxRegistry;
import io.trafficlab.sandbox.SandboxRequestException;
import io.trafficlab.teaching.Lesson;
import io.trafficlab.teaching.LessonCatalog;
import io.trafficlab.teaching.Question;
import io.trafficlab.teaching.TeachingSandboxes;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Starts a step's sandbox and applies a question's reveal to it, through the sandbox's
 * own command checks.
 */
@Component
record LessonSandboxes(SandboxRegistry registry, LessonCatalog catalog, TeachingSandboxes starts) {

	/**
	 * A new sandbox in the step's state, or in a shared link's state when the learner's
	 * link carries one.
	 * @throws SandboxRequestException when no sandbox can be started (503 full, 400
	 * broken link)
	 */
	Sandbox start(Lesson lesson, int step, @Nullable String link) {
		return (link != null) ? this.registry.createFromLink(link) : this.starts.start(lesson, step);
	}

	/** The manifests a step's sandbox starts from, without starting one. */
	String startManifests(Lesson lesson, int step) {
		return ManifestExporter.yaml(this.catalog.start(lesson, step).simulation().declaration());
	}

	/** The live sandbox with this id, if any. */
	Optional<Sandbox> find(String id) {
		return this.registry.find(id);
	}

	/**
	 * Applies the reveal's commands in order.
	 * @return {@code null}, or why a command was refused (the learner changed the sandbox
	 * so that it no longer fits)
	 */
	@Nullable String reveal(Sandbox sandbox, Question question) {
		return TeachingSandboxes.reveal(sandbox, question);
	}

}
