package io.trafficlab.teaching;

import org.jspecify.annotations.Nullable;

/**
 * A lesson file that cannot be used; the message names the file, the place and what was
 * expected.
 */
public final class LessonFileException extends IllegalStateException {

	LessonFileException(String file, @Nullable String where, String message) {
		super("Lesson file " + file + ((where != null) ? ", " + where : "") + ": " + message);
	}

}
