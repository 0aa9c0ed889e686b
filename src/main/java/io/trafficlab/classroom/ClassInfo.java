package io.trafficlab.classroom;

import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * What a class page's templates read of the class, spelled as the class topic spells it,
 * so that a page's data- attributes compare with the topic's messages as they are.
 *
 * @param activity {@code playground}, {@code lesson} or {@code challenge}
 * @param pacing {@code held} or {@code free}
 * @param joins {@code open} or {@code closed}
 * @param students how many have joined
 * @param revealed the revealed questions of the teacher's step, as {@code 1,3}
 * @param challengeTitle the title of the challenge set, or {@code null}
 */
public record ClassInfo(String activity, String pacing, String joins, int students, String revealed,
		@Nullable String challengeTitle) {

	static ClassInfo of(ClassJson json) {
		String revealed = json.questions()
			.stream()
			.filter(ClassJson.QuestionJson::revealed)
			.map((question) -> String.valueOf(question.question()))
			.collect(Collectors.joining(","));
		return new ClassInfo(json.activity().apiName(), json.pacing().apiName(), json.joins().apiName(),
				json.students(), revealed, (json.challenge() != null) ? json.challenge().title() : null);
	}

	/**
	 * Whether the class works on a challenge (the projector then shows it, not the step).
	 */
	public boolean onChallenge() {
		return ClassSettings.Activity.CHALLENGE.apiName().equals(this.activity);
	}

	public boolean held() {
		return ClassSettings.Pacing.HELD.apiName().equals(this.pacing);
	}

}
