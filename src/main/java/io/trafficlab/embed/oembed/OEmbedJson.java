package io.trafficlab.embed.oembed;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An oEmbed answer of type {@code rich} (oembed.com, section 2.3): one bare
 * {@code <iframe>} with a title, its size, and who provides it.
 *
 * @param version always {@code 1.0}
 * @param type always {@code rich}
 * @param html the {@code <iframe>}
 * @param width the frame's width, within the consumer's {@code maxwidth}
 * @param height the frame's height, within the consumer's {@code maxheight}
 * @param title the preset's, lesson step's or challenge's title
 * @param providerName {@code Traffic Lab}
 * @param providerUrl the application's root URL
 * @param cacheAge how long a consumer may keep this answer, in seconds
 */
record OEmbedJson(String version, String type, String html, int width, int height, String title,
		@JsonProperty("provider_name") String providerName, @JsonProperty("provider_url") String providerUrl,
		@JsonProperty("cache_age") long cacheAge) {

	static final String PROVIDER_NAME = "Traffic Lab";

	/** A day: titles and sizes change only with a new release. */
	static final long CACHE_AGE = 86_400;

	static OEmbedJson rich(String html, OEmbedSize size, String title, String providerUrl) {
		return new OEmbedJson("1.0", "rich", html, size.width(), size.height(), title, PROVIDER_NAME, providerUrl,
				CACHE_AGE);
	}

}
