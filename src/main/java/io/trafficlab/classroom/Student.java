package io.trafficlab.classroom;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One student of a class: the token their browser holds, the opaque reference the
 * teacher's page uses, the name, and their own challenge sandboxes, hints and solved
 * challenges. Guarded by the {@link Classroom}'s lock.
 */
public final class Student {

	private final String token;

	private final String ref;

	private StudentName name;

	/** The student's own sandbox, by challenge id. */
	private final Map<String, String> sandboxes = new HashMap<>();

	private final Map<String, Integer> hints = new HashMap<>();

	private final Set<String> solved = new HashSet<>();

	Student(String token, String ref, StudentName name) {
		this.token = token;
		this.ref = ref;
		this.name = name;
	}

	/** What the student's browser holds: theirs alone. */
	public String token() {
		return this.token;
	}

	/** How the teacher's page names the student's row: never the token. */
	public String ref() {
		return this.ref;
	}

	/** The name they chose, or one made up for them; text, never markup. */
	public String name() {
		return this.name.value();
	}

	void rename(StudentName name) {
		this.name = name;
	}

	Optional<String> sandbox(String challenge) {
		return Optional.ofNullable(this.sandboxes.get(challenge));
	}

	void sandbox(String challenge, String sandboxId) {
		this.sandboxes.put(challenge, sandboxId);
	}

	int hint(String challenge) {
		return this.hints.merge(challenge, 1, Integer::sum);
	}

	int hints(String challenge) {
		return this.hints.getOrDefault(challenge, 0);
	}

	int hintsUsed() {
		return this.hints.values().stream().mapToInt(Integer::intValue).sum();
	}

	/** Records that the challenge's goal held; whether that is news. */
	boolean solved(String challenge) {
		return this.solved.add(challenge);
	}

	boolean hasSolved(String challenge) {
		return this.solved.contains(challenge);
	}

	int solvedCount() {
		return this.solved.size();
	}

}
