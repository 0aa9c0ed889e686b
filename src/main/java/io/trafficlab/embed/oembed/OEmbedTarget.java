package io.trafficlab.embed.oembed;

/**
 * What a shareable URL of ours becomes in another site's page.
 *
 * @param embedPath the embed page that shows it, from the application's root (a path and
 * query, e.g. {@code /embed?preset=uneven-3-1-0})
 * @param title the preset's, lesson step's or challenge's own title
 * @param size the frame's size when the consumer sets no maximum
 */
record OEmbedTarget(String embedPath, String title, OEmbedSize size) {

	/** The playground's canvas and its few controls. */
	static final OEmbedSize PLAYGROUND_SIZE = new OEmbedSize(800, 560);

	/**
	 * A lesson step or a challenge: the canvas beside (or above) the text and questions.
	 */
	static final OEmbedSize TEACHING_SIZE = new OEmbedSize(1000, 700);

}
