package io.trafficlab.teaching;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.trafficlab.engine.simulation.Simulation;
import io.trafficlab.system.OnFirstUse;

/**
 * The bundled lessons, read once and never changed, in the order of their file names
 * ({@code 01-…}, {@code 02-…}). Reading checks every file completely: its structure, that
 * every step's sandbox state starts, and that the nodes a step shows a health check for
 * exist. Whether the lessons' claims hold is {@code BundledLessonsTests}' job. The
 * application's catalogue is read when first asked ({@link #onFirstUse}), so that
 * start-up does not wait for it.
 */
public final class LessonCatalog {

	private final Supplier<Contents> contents;

	private LessonCatalog(Supplier<Contents> contents) {
		this.contents = contents;
	}

	/**
	 * Reads and checks every file now.
	 * @throws LessonFileException for the first broken file, naming it and the place
	 */
	public static LessonCatalog read(List<LessonSource> sources, StepStates states) {
		Contents contents = contents(sources, states);
		return new LessonCatalog(() -> contents);
	}

	/**
	 * A catalogue that reads and checks every file when first asked; from then on every
	 * method throws {@link LessonFileException} for a broken file.
	 */
	public static LessonCatalog onFirstUse(Supplier<List<LessonSource>> sources, StepStates states) {
		return new LessonCatalog(new OnFirstUse<>(() -> contents(sources.get(), states)));
	}

	private static Contents contents(List<LessonSource> sources, StepStates states) {
		List<Lesson> lessons = new ArrayList<>();
		Map<Lesson, List<StepStart>> starts = new HashMap<>();
		Map<String, String> files = new HashMap<>();
		for (LessonSource source : sources.stream().sorted(Comparator.comparing(LessonSource::file)).toList()) {
			Lesson lesson = new LessonReader(source.file()).read(source.content());
			String other = files.putIfAbsent(lesson.id(), source.file());
			if (other != null) {
				throw new LessonFileException(source.file(), null,
						"the id \"" + lesson.id() + "\" is already used by " + other);
			}
			starts.put(lesson, resolve(lesson, states));
			lessons.add(lesson);
		}
		return new Contents(List.copyOf(lessons), Map.copyOf(starts));
	}

	private static List<StepStart> resolve(Lesson lesson, StepStates states) {
		List<StepStart> resolved = new ArrayList<>();
		for (int number = 1; number <= lesson.steps().size(); number++) {
			LessonStep step = lesson.step(number);
			String where = "step " + number + "'s sandbox";
			StepStart start;
			Simulation simulation;
			try {
				start = states.resolve(step.sandbox());
				simulation = start.simulation();
			}
			catch (RuntimeException ex) {
				throw new LessonFileException(lesson.file(), where, String.valueOf(ex.getMessage()));
			}
			List<String> nodes = simulation.snapshot().nodes().stream().map((node) -> node.name()).toList();
			List<String> curls = new ArrayList<>();
			if (step.curlNode() != null) {
				curls.add(step.curlNode());
			}
			step.questions().stream().map(Question::curlNode).filter((node) -> node != null).forEach(curls::add);
			for (String node : curls) {
				if (!nodes.contains(node)) {
					throw new LessonFileException(lesson.file(), "step " + number,
							"curl names node \"" + node + "\", but the sandbox has only " + nodes);
				}
			}
			resolved.add(start);
		}
		return resolved;
	}

	public List<Lesson> all() {
		return this.contents.get().lessons();
	}

	public Optional<Lesson> find(String id) {
		return all().stream().filter((lesson) -> lesson.id().equals(id)).findFirst();
	}

	/** The resolved sandbox state of a lesson's step (1-based). */
	public StepStart start(Lesson lesson, int step) {
		return this.contents.get().starts().get(lesson).get(step - 1);
	}

	/** The lesson after this one, if any. */
	public Optional<Lesson> next(Lesson lesson) {
		List<Lesson> lessons = all();
		int index = lessons.indexOf(lesson);
		return (index >= 0 && index + 1 < lessons.size()) ? Optional.of(lessons.get(index + 1)) : Optional.empty();
	}

	/**
	 * One lesson file's content.
	 *
	 * @param file its name, for ordering and messages ({@code 03-uneven-load.yaml})
	 * @param content the YAML
	 */
	public record LessonSource(String file, String content) {
	}

	/** The lessons in order, and each lesson's resolved steps. */
	private record Contents(List<Lesson> lessons, Map<Lesson, List<StepStart>> starts) {
	}

}
