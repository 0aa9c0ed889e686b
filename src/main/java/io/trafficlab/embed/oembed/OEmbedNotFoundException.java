package io.trafficlab.embed.oembed;

/**
 * The URL is not one oEmbed can answer for: not ours, not a page that can be embedded, or
 * naming a preset, lesson, step or challenge that does not exist. The message says which.
 */
class OEmbedNotFoundException extends RuntimeException {

	OEmbedNotFoundException(String message) {
		super(message);
	}

}
