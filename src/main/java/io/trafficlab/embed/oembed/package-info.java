/**
 * oEmbed: which shareable URL of ours embeds as what ({@code GET /oembed}), and the
 * discovery link in those pages' heads. Its own package above the embed token's: it reads
 * the preset, lesson and challenge catalogues, which themselves use {@code embed}, so
 * living in {@code embed} would tie the packages in a cycle.
 */
@NullMarked
package io.trafficlab.embed.oembed;

import org.jspecify.annotations.NullMarked;
