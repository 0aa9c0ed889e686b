package io.trafficlab.sandbox;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import io.trafficlab.engine.model.UnknownValueException;
import io.trafficlab.system.SpelledValuesModule;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link SharedState} as the {@code s} query parameter of a permalink: compact JSON,
 * deflated, base64url without padding. Decoding is bounded (the parameter's length and
 * the inflated size) and every bad link is a 400 that says what is wrong, never a 500.
 */
final class PermalinkCodec {

	/**
	 * The longest {@code s} parameter accepted, in characters: well within Tomcat's 8 KiB
	 * request line.
	 */
	static final int MAX_LINK_CHARS = 7000;

	/** The largest JSON a link may inflate to, in bytes. */
	static final int MAX_INFLATED_BYTES = 1 << 20;

	private static final ObjectMapper JSON = JsonMapper.builder().addModule(new SpelledValuesModule()).build();

	private PermalinkCodec() {
	}

	static String encode(SharedState state) {
		byte[] json = JSON.writeValueAsBytes(state);
		Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
		try {
			deflater.setInput(json);
			deflater.finish();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			byte[] buffer = new byte[4096];
			while (!deflater.finished()) {
				out.write(buffer, 0, deflater.deflate(buffer));
			}
			return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
		}
		finally {
			deflater.end();
		}
	}

	/**
	 * @throws SandboxRequestException (400) when the link is too long, not base64url, not
	 * deflated, too large once inflated, or not a shared sandbox
	 */
	static SharedState decode(String link) {
		if (link.length() > MAX_LINK_CHARS) {
			throw bad("it is " + link.length() + " characters long, at most " + MAX_LINK_CHARS + " are accepted");
		}
		byte[] compressed;
		try {
			compressed = Base64.getUrlDecoder().decode(link.strip());
		}
		catch (IllegalArgumentException ex) {
			throw bad("it is not base64url");
		}
		byte[] json = inflate(compressed);
		SharedState state;
		try {
			state = JSON.readValue(json, SharedState.class);
		}
		catch (JacksonException ex) {
			throw (ex.getCause() instanceof UnknownValueException unknown) ? bad("its " + unknown.getMessage())
					: bad("it does not describe a sandbox");
		}
		if (state == null || state.manifests() == null || state.lb() == null) {
			throw bad("it does not describe a sandbox");
		}
		return state;
	}

	private static byte[] inflate(byte[] compressed) {
		Inflater inflater = new Inflater(true);
		try {
			inflater.setInput(compressed);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			byte[] buffer = new byte[8192];
			while (!inflater.finished()) {
				int count = inflater.inflate(buffer);
				if (count == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
					throw bad("it is cut short or not compressed the way Traffic Lab compresses links");
				}
				out.write(buffer, 0, count);
				if (out.size() > MAX_INFLATED_BYTES) {
					throw bad("it unpacks to more than " + (MAX_INFLATED_BYTES >> 10) + " KiB");
				}
			}
			return out.toByteArray();
		}
		catch (DataFormatException ex) {
			throw bad("it is not compressed the way Traffic Lab compresses links");
		}
		finally {
			inflater.end();
		}
	}

	private static SandboxRequestException bad(String why) {
		return SandboxRequestException.badValue("This Traffic Lab link is broken: " + why
				+ ". Ask for a new link (Copy link in the playground), or start from a preset.");
	}

}
