package io.trafficlab.room;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.random.RandomGenerator;

import org.jspecify.annotations.Nullable;

/**
 * What lets a browser teach a room: 24 random bytes, url-safe Base64 (32 characters).
 * Only the browser that opened the room holds it (an HttpOnly cookie); the code alone
 * lets a person watch and answer. Compared in constant time.
 *
 * @param value the secret as the cookie and the {@code X-Teacher-Secret} header carry it
 */
public record TeacherSecret(String value) {

	private static final int BYTES = 24;

	public static TeacherSecret random(RandomGenerator random) {
		byte[] bytes = new byte[BYTES];
		random.nextBytes(bytes);
		return new TeacherSecret(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
	}

	/** Whether {@code presented} is this secret. */
	public boolean matches(@Nullable String presented) {
		return presented != null && MessageDigest.isEqual(this.value.getBytes(StandardCharsets.US_ASCII),
				presented.getBytes(StandardCharsets.US_ASCII));
	}

	@Override
	public String toString() {
		return "TeacherSecret[…]";
	}

}
