package io.trafficlab.classroom;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.trafficlab.WireEnums;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The class's JSON and its hand-written mirror in the browser
 * ({@code frontend/src/classroom/classState.ts}) name the same fields, and every value
 * the class JSON spells is a union of exactly its spellings there.
 */
class ClassSchemaTests {

	private static final Path MIRROR = Path.of("frontend", "src", "classroom", "classState.ts");

	/** Each Java record and the TypeScript interface that mirrors it. */
	private static final Map<Class<?>, String> MIRRORED = Map.of(ClassJson.class, "ClassState",
			ClassJson.LessonJson.class, "ClassLesson", ClassJson.QuestionJson.class, "ClassQuestion",
			ClassJson.ChallengeJson.class, "ClassChallenge");

	@Test
	void mirrorShouldDeclareEveryFieldOfTheClassJson() throws IOException {
		String mirror = Files.readString(MIRROR);
		MIRRORED.forEach((type, name) -> {
			Matcher block = Pattern.compile("export interface " + name + " \\{(.*?)\\n\\}", Pattern.DOTALL)
				.matcher(mirror);
			assertThat(block.find()).as("classState.ts declares " + name).isTrue();
			for (RecordComponent component : type.getRecordComponents()) {
				if (component.getName().equals("notice")) {
					continue;
				}
				assertThat(block.group(1)).as("classState.ts, " + name)
					.containsPattern("\\n\\t(/\\*\\*.*\\*/\\n\\t)?" + component.getName() + "\\??: ");
			}
		});
	}

	@Test
	void mirrorShouldDeclareEveryEnumOfTheClassJsonAsItsSpellings() throws IOException {
		var enums = WireEnums.reachableFrom(ClassJson.class);
		assertThat(enums).hasSize(4);
		WireEnums.assertMirroredAsUnions(MIRROR, enums);
	}

}
