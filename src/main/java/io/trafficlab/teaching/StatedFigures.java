package io.trafficlab.teaching;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The figures a lesson or challenge text states, each of which needs a source on its step
 * (docs/lessons.md, "Sources"): a fraction ({@code 1/3}), an IPv4 address
 * ({@code 10.244.1.1}), a duration ({@code 20 s}, {@code 30-second}, {@code 300 ms}), a
 * percentage ({@code 50 %}) or a count of probes in a row ({@code 2 in a row},
 * {@code three in a row}).
 */
public final class StatedFigures {

	private static final List<Pattern> FIGURES = List.of(Pattern.compile("(?<![\\d/.])\\d+/\\d+(?![\\d/])"),
			Pattern.compile("(?<![\\d.])\\d{1,3}(\\.\\d{1,3}){3}(?!\\.?\\d)"),
			Pattern.compile("(?<![\\w.])\\d+(\\.\\d+)?[\\s-]?(ms|s|sec|seconds?|min|minutes?|h|hours?)\\b"),
			Pattern.compile("(?<![\\w.])\\d+(\\.\\d+)?\\s?%"),
			Pattern.compile("\\b(\\d+|one|two|three|four|five|six|seven|eight|nine|ten)\\s+in\\s+a\\s+row\\b",
					Pattern.CASE_INSENSITIVE));

	private StatedFigures() {
	}

	/**
	 * The figures {@code text} states, in the order of the patterns, then of the text.
	 */
	public static List<String> in(String text) {
		List<String> found = new ArrayList<>();
		for (Pattern figure : FIGURES) {
			Matcher matcher = figure.matcher(text);
			while (matcher.find()) {
				found.add(matcher.group());
			}
		}
		return found;
	}

	/**
	 * The figures a step states in its text, its questions' prompts, choices and
	 * explanations.
	 */
	public static List<String> in(LessonStep step) {
		List<String> found = new ArrayList<>(in(step.text().plain()));
		for (Question question : step.questions()) {
			found.addAll(in(question.prompt().plain()));
			question.choices().forEach((choice) -> found.addAll(in(choice.text().plain())));
			found.addAll(in(question.explanation().plain()));
		}
		return found;
	}

	/** The figures a challenge states in its brief, hints and solution. */
	public static List<String> in(Challenge challenge) {
		List<String> found = new ArrayList<>(in(challenge.brief()));
		challenge.hints().forEach((hint) -> found.addAll(in(hint)));
		found.addAll(in(challenge.solution()));
		return found;
	}

}
