package io.trafficlab.embed.oembed;

import org.jspecify.annotations.Nullable;

/**
 * A frame's size in CSS pixels.
 *
 * @param width the width
 * @param height the height
 */
record OEmbedSize(int width, int height) {

	/**
	 * The smallest size the embed is drawn for; a consumer's maxima may still ask for
	 * less.
	 */
	static final OEmbedSize MINIMUM = new OEmbedSize(480, 320);

	/**
	 * This size within a consumer's {@code maxwidth} and {@code maxheight} (either may be
	 * absent): scaled down keeping its proportions, then raised to the
	 * {@linkplain #MINIMUM minimum} in each direction as far as the maxima allow. Never
	 * larger than a given maximum.
	 */
	OEmbedSize fit(@Nullable Integer maxWidth, @Nullable Integer maxHeight) {
		double scale = 1;
		if (maxWidth != null) {
			scale = Math.min(scale, (double) maxWidth / this.width);
		}
		if (maxHeight != null) {
			scale = Math.min(scale, (double) maxHeight / this.height);
		}
		int width = (int) Math.floor(this.width * scale);
		int height = (int) Math.floor(this.height * scale);
		return new OEmbedSize(atLeast(width, MINIMUM.width, maxWidth), atLeast(height, MINIMUM.height, maxHeight));
	}

	private static int atLeast(int value, int minimum, @Nullable Integer maximum) {
		int floor = (maximum != null) ? Math.min(minimum, maximum) : minimum;
		return Math.max(value, floor);
	}

}
