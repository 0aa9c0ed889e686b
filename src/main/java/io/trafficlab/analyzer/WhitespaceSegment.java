package io.trafficlab.analyzer;

import java.util.ArrayList;
import java.util.List;

/**
 * A piece of a response body: either plain text or one TAB character, which the page
 * marks with an arrow so that the byte-exact indentation is visible.
 *
 * @param text the text (a single {@code \t} for a tab)
 * @param tab whether this piece is a TAB
 */
record WhitespaceSegment(String text, boolean tab) {

	static List<WhitespaceSegment> split(String body) {
		List<WhitespaceSegment> segments = new ArrayList<>();
		int start = 0;
		for (int i = 0; i < body.length(); i++) {
			if (body.charAt(i) == '\t') {
				if (i > start) {
					segments.add(new WhitespaceSegment(body.substring(start, i), false));
				}
				segments.add(new WhitespaceSegment("\t", true));
				start = i + 1;
			}
		}
		if (start < body.length()) {
			segments.add(new WhitespaceSegment(body.substring(start), false));
		}
		return segments;
	}

}
