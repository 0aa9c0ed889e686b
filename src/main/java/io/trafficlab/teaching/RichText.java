package io.trafficlab.teaching;

import java.util.ArrayList;
import java.util.List;

/**
 * Lesson text with a little markup, parsed once so that pages render it as text nodes,
 * never as HTML: paragraphs separated by blank lines, lists of lines starting with
 * {@code "- "}, {@code `code`} and {@code **strong**}. A marker without its closing
 * partner stays as it is.
 *
 * @param source the text as written
 * @param blocks the paragraphs and lists
 */
public record RichText(String source, List<Block> blocks) {

	public RichText {
		blocks = List.copyOf(blocks);
	}

	public static RichText parse(String source) {
		List<Block> blocks = new ArrayList<>();
		for (String chunk : source.strip().split("\\n\\s*\\n")) {
			List<String> lines = chunk.lines().map(String::strip).filter((line) -> !line.isEmpty()).toList();
			if (lines.isEmpty()) {
				continue;
			}
			if (lines.stream().allMatch((line) -> line.startsWith("- "))) {
				blocks.add(new Block(true, lines.stream().map((line) -> spans(line.substring(2).strip())).toList()));
			}
			else {
				blocks.add(new Block(false, List.of(spans(String.join(" ", lines)))));
			}
		}
		return new RichText(source, blocks);
	}

	/** The text without markup, for titles and messages. */
	public String plain() {
		StringBuilder out = new StringBuilder();
		for (Block block : this.blocks) {
			for (List<Span> item : block.items()) {
				if (!out.isEmpty()) {
					out.append(' ');
				}
				item.forEach((span) -> out.append(span.text()));
			}
		}
		return out.toString();
	}

	static List<Span> spans(String line) {
		List<Span> spans = new ArrayList<>();
		StringBuilder text = new StringBuilder();
		int i = 0;
		while (i < line.length()) {
			String marker = line.startsWith("**", i) ? "**" : (line.charAt(i) == '`') ? "`" : null;
			int end = (marker != null) ? line.indexOf(marker, i + marker.length()) : -1;
			if (marker == null || end <= i + marker.length()) {
				text.append(line.charAt(i));
				i++;
				continue;
			}
			if (!text.isEmpty()) {
				spans.add(new Span(Span.Kind.TEXT, text.toString()));
				text.setLength(0);
			}
			spans.add(new Span(marker.equals("`") ? Span.Kind.CODE : Span.Kind.STRONG,
					line.substring(i + marker.length(), end)));
			i = end + marker.length();
		}
		if (!text.isEmpty()) {
			spans.add(new Span(Span.Kind.TEXT, text.toString()));
		}
		return spans;
	}

	/**
	 * A paragraph (one item) or a bulleted list (one item per bullet).
	 *
	 * @param list whether it is a list
	 * @param items the paragraph's spans, or each bullet's
	 */
	public record Block(boolean list, List<List<Span>> items) {

		public Block {
			items = items.stream().map(List::copyOf).toList();
		}

	}

	/**
	 * A run of text of one kind.
	 *
	 * @param kind plain, code or strong
	 * @param text the characters, without markers
	 */
	public record Span(Kind kind, String text) {

		/** How a span is shown. */
		public enum Kind {

			TEXT, CODE, STRONG

		}

	}

}
