package io.trafficlab.embed.oembed;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.trafficlab.sandbox.Preset;
import io.trafficlab.sandbox.PresetCatalog;
import io.trafficlab.sandbox.SandboxPageCreation;
import io.trafficlab.sandbox.SandboxRequestException;
import io.trafficlab.teaching.Challenge;
import io.trafficlab.teaching.ChallengeCatalog;
import io.trafficlab.teaching.Lesson;
import io.trafficlab.teaching.LessonCatalog;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Maps a shareable URL of ours to the embed page that shows it, with its title and
 * default size: the playground ({@code /}, {@code /?preset=}, {@code /?s=}), a lesson
 * step ({@code /lessons/ID/N}), a challenge ({@code /challenges/ID}) and the
 * {@code /embed} URLs themselves (their {@code run} is dropped: the embed starts with its
 * Start card). The preset, lesson, step or challenge must exist, and a shared state must
 * be one the playground can open.
 */
@Component
record OEmbedTargets(PresetCatalog presets, LessonCatalog lessons, ChallengeCatalog challenges) {

	static final String EMBED_PATH = "/embed";

	static final String KNOWN_URLS = "oEmbed answers for the playground (/, /?preset=ID, /?s=STATE), lesson steps "
			+ "(/lessons/ID/N), challenges (/challenges/ID) and /embed URLs of this Traffic Lab.";

	private static final Pattern LESSON_STEP = Pattern.compile("/lessons/([^/]+)(?:/([^/]+))?");

	private static final Pattern CHALLENGE = Pattern.compile("/challenges/([^/]+)");

	/**
	 * The embed for {@code url}, when it is a shareable URL of the application reached at
	 * {@code origin}.
	 * @throws OEmbedNotFoundException naming why it is not
	 */
	OEmbedTarget resolve(OEmbedOrigin origin, String url) {
		URI uri = parse(url);
		if (!origin.owns(uri)) {
			throw new OEmbedNotFoundException("\"" + url + "\" is not a URL of this Traffic Lab (" + origin.root()
					+ "): it must have the same scheme, host and port. " + KNOWN_URLS);
		}
		String path = origin.pathOf(uri);
		Map<String, String> query = query(uri.getRawQuery());
		if (path.equals("/")) {
			return playground(query);
		}
		if (path.equals(EMBED_PATH)) {
			return embed(query);
		}
		Matcher step = LESSON_STEP.matcher(path);
		if (step.matches()) {
			return lessonStep(decode(step.group(1)), (step.group(2) != null) ? decode(step.group(2)) : "1");
		}
		Matcher challenge = CHALLENGE.matcher(path);
		if (challenge.matches()) {
			return challenge(decode(challenge.group(1)));
		}
		throw new OEmbedNotFoundException(
				"Traffic Lab has no page at " + path + " that can be embedded. " + KNOWN_URLS);
	}

	private OEmbedTarget embed(Map<String, String> query) {
		if (query.containsKey("lesson")) {
			return lessonStep(query.get("lesson"), query.getOrDefault("step", "1"));
		}
		if (query.containsKey("challenge")) {
			return challenge(query.get("challenge"));
		}
		return playground(query);
	}

	/** As the playground reads its query: a shared state first, else the preset. */
	private OEmbedTarget playground(Map<String, String> query) {
		UriComponentsBuilder embed = UriComponentsBuilder.fromPath(EMBED_PATH);
		String link = query.get("s");
		if (link != null) {
			try {
				SandboxPageCreation.sharedManifests(link);
			}
			catch (SandboxRequestException ex) {
				throw new OEmbedNotFoundException("The url's shared state (s) cannot be opened: " + ex.getMessage());
			}
			return new OEmbedTarget(path(embed.queryParam("s", link)), "Shared sandbox", OEmbedTarget.PLAYGROUND_SIZE);
		}
		String name = query.get("preset");
		if (name == null || name.isBlank()) {
			Preset preset = this.presets.find(PresetCatalog.DEFAULT).orElseThrow();
			return new OEmbedTarget(EMBED_PATH, preset.title(), OEmbedTarget.PLAYGROUND_SIZE);
		}
		Preset preset = this.presets.find(name)
			.orElseThrow(() -> new OEmbedNotFoundException("There is no preset \"" + name + "\"; the presets are "
					+ String.join(", ", this.presets.all().stream().map(Preset::name).toList()) + "."));
		return new OEmbedTarget(path(embed.queryParam("preset", preset.name())), preset.title(),
				OEmbedTarget.PLAYGROUND_SIZE);
	}

	private OEmbedTarget lessonStep(@Nullable String id, @Nullable String step) {
		Lesson lesson = this.lessons.find((id != null) ? id : "")
			.orElseThrow(() -> new OEmbedNotFoundException(
					"There is no lesson \"" + id + "\". The lessons are listed at /lessons."));
		int number = (step != null && step.matches("\\d{1,4}")) ? Integer.parseInt(step) : -1;
		if (!lesson.hasStep(number)) {
			throw new OEmbedNotFoundException("\"" + lesson.title() + "\" has no step " + step + "; its steps are 1 to "
					+ lesson.steps().size() + ".");
		}
		String embed = path(
				UriComponentsBuilder.fromPath(EMBED_PATH).queryParam("lesson", lesson.id()).queryParam("step", number));
		return new OEmbedTarget(embed, lesson.step(number).title() + " · " + lesson.title(),
				OEmbedTarget.TEACHING_SIZE);
	}

	private OEmbedTarget challenge(@Nullable String id) {
		Challenge challenge = this.challenges.find(id)
			.orElseThrow(() -> new OEmbedNotFoundException(
					"There is no challenge \"" + id + "\". The challenges are listed at /challenges."));
		String embed = path(UriComponentsBuilder.fromPath(EMBED_PATH).queryParam("challenge", challenge.id()));
		return new OEmbedTarget(embed, challenge.title(), OEmbedTarget.TEACHING_SIZE);
	}

	private static URI parse(String url) {
		try {
			URI uri = new URI(url.strip());
			if (uri.isAbsolute() && !uri.isOpaque()) {
				return uri;
			}
		}
		catch (URISyntaxException ex) {
			// Said below, the same as a relative URL
		}
		throw new OEmbedNotFoundException(
				"\"" + url + "\" is not an absolute URL such as https://host/?preset=uneven-3-1-0. " + KNOWN_URLS);
	}

	/** Each parameter's first value, decoded. */
	private static Map<String, String> query(@Nullable String rawQuery) {
		Map<String, String> values = new LinkedHashMap<>();
		if (rawQuery == null) {
			return values;
		}
		for (String pair : rawQuery.split("&")) {
			int equals = pair.indexOf('=');
			String name = formDecode((equals >= 0) ? pair.substring(0, equals) : pair);
			String value = (equals >= 0) ? formDecode(pair.substring(equals + 1)) : "";
			values.putIfAbsent(name, value);
		}
		return values;
	}

	private static String formDecode(String text) {
		try {
			return URLDecoder.decode(text, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw new OEmbedNotFoundException("The url's query has a malformed %-escape: " + text);
		}
	}

	private static String decode(String segment) {
		try {
			return UriUtils.decode(segment, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw new OEmbedNotFoundException("The url's path has a malformed %-escape: " + segment);
		}
	}

	private static String path(UriComponentsBuilder uri) {
		return uri.encode().build().toUriString();
	}

}
