package io.trafficlab.embed.oembed;

/**
 * A page's oEmbed discovery link, as the shared {@code <head>} writes it.
 *
 * @param href the absolute oEmbed URL for the page
 * @param title the page's embed title
 */
public record OEmbedLink(String href, String title) {

}
