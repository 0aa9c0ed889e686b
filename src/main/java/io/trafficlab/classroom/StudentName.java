package io.trafficlab.classroom;

import java.util.List;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The name a student chose when joining, or one made up for them ("Quiet Otter"). It is
 * text wherever it shows (never markup), trimmed, with runs of white space as one space,
 * at most {@value #MAX_LENGTH} characters, without control characters.
 *
 * @param value the name as everyone who may see it reads it
 */
record StudentName(String value) {

	static final int MAX_LENGTH = 40;

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private static final List<String> ADJECTIVES = List.of("Quiet", "Brave", "Swift", "Curious", "Gentle", "Clever",
			"Bright", "Calm", "Lucky", "Patient", "Bold", "Merry", "Keen", "Steady", "Nimble", "Sunny");

	private static final List<String> ANIMALS = List.of("Otter", "Fox", "Heron", "Badger", "Lynx", "Puffin", "Gecko",
			"Marmot", "Panda", "Falcon", "Koala", "Walrus", "Ibis", "Tapir", "Wombat", "Yak");

	/**
	 * The name a student typed, or a made-up one when they typed none.
	 * @throws ClassroomRequestException (400) for a name too long or with control
	 * characters
	 */
	static StudentName chosen(@Nullable String typed, RandomGenerator random) {
		String name = (typed != null) ? SPACES.matcher(typed.strip()).replaceAll(" ") : "";
		if (name.isEmpty()) {
			return made(random);
		}
		if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
			throw ClassroomRequestException.badValue("A name may have at most " + MAX_LENGTH
					+ " characters; this one has " + name.codePointCount(0, name.length()) + ".");
		}
		if (name.codePoints().anyMatch((c) -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
			throw ClassroomRequestException.badValue("A name may not contain control or formatting characters.");
		}
		return new StudentName(name);
	}

	/** An adjective and an animal: 256 names, so names in a class may repeat. */
	static StudentName made(RandomGenerator random) {
		return new StudentName(
				ADJECTIVES.get(random.nextInt(ADJECTIVES.size())) + " " + ANIMALS.get(random.nextInt(ANIMALS.size())));
	}

	@Override
	public String toString() {
		return this.value;
	}

}
