package io.trafficlab.analyzer;

import org.jspecify.annotations.Nullable;

/**
 * The line of the pasted manifests a syntax error points at, with a caret under the
 * column.
 *
 * @param line the 1-based line number
 * @param text the line (shortened when very long)
 * @param caretIndent whitespace that puts a caret under the column (TABs kept so that it
 * lines up)
 */
record SourceExcerpt(int line, String text, String caretIndent) {

	private static final int MAX_LENGTH = 160;

	static @Nullable SourceExcerpt of(String manifests, int line, int column) {
		if (line < 1) {
			return null;
		}
		String[] lines = manifests.split("\r?\n", -1);
		if (line > lines.length) {
			return null;
		}
		String text = lines[line - 1];
		int caret = Math.max(0, Math.min(column - 1, Math.min(text.length(), MAX_LENGTH)));
		StringBuilder indent = new StringBuilder();
		for (int i = 0; i < caret; i++) {
			indent.append((text.charAt(i) == '\t') ? '\t' : ' ');
		}
		String shown = (text.length() > MAX_LENGTH) ? text.substring(0, MAX_LENGTH) + "…" : text;
		return new SourceExcerpt(line, shown, indent.toString());
	}

}
