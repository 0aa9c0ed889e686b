package io.trafficlab.teaching;

import java.util.List;

import io.trafficlab.teaching.RichText.Span;
import io.trafficlab.teaching.RichText.Span.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RichTextTests {

	@Test
	void splitsParagraphsAndListsAndJoinsWrappedLines() {
		RichText text = RichText.parse("First line\nwraps here.\n\n- one\n- two\n");

		assertThat(text.blocks()).hasSize(2);
		assertThat(text.blocks().get(0).list()).isFalse();
		assertThat(text.blocks().get(0).items())
			.containsExactly(List.of(new Span(Kind.TEXT, "First line wraps here.")));
		assertThat(text.blocks().get(1).list()).isTrue();
		assertThat(text.blocks().get(1).items()).containsExactly(List.of(new Span(Kind.TEXT, "one")),
				List.of(new Span(Kind.TEXT, "two")));
	}

	@Test
	void readsCodeAndStrongAndLeavesHtmlAsText() {
		assertThat(RichText.spans("Set `externalTrafficPolicy: Local` **now** <b>x</b>")).containsExactly(
				new Span(Kind.TEXT, "Set "), new Span(Kind.CODE, "externalTrafficPolicy: Local"),
				new Span(Kind.TEXT, " "), new Span(Kind.STRONG, "now"), new Span(Kind.TEXT, " <b>x</b>"));
	}

	@Test
	void leavesUnclosedOrEmptyMarkersAsTheyAre() {
		assertThat(RichText.spans("a ` b ** c")).containsExactly(new Span(Kind.TEXT, "a ` b ** c"));
		assertThat(RichText.spans("x `` y")).containsExactly(new Span(Kind.TEXT, "x `` y"));
		assertThat(RichText.parse("`a` and **b**").plain()).isEqualTo("a and b");
	}

}
