package io.trafficlab.teaching;

import java.net.URI;

/**
 * Where a fact a lesson step or a challenge states comes from: shown as "Why we say this"
 * beside the text (docs/lessons.md, "Sources").
 *
 * @param claim the fact, in a few words
 * @param source the upstream file and function, or the documentation page's title
 * @param url the address of that file at a tag or commit, or of the page
 * @param version the tag, commit or date it was read at
 */
public record ClaimSource(String claim, String source, String url, String version) {

	/** The host of {@link #url}, shown beside the link. */
	public String host() {
		String host = URI.create(this.url).getHost();
		return (host != null) ? host : this.url;
	}

}
