package io.trafficlab.engine.model;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Text that spells none of a {@link Spelled} type's values, for example
 * {@code lb must be one of even, weighted, not "even2"}. Each edge may word it its own
 * way from {@link #field()}, {@link #allowed()} and {@link #given()}.
 */
public class UnknownValueException extends IllegalArgumentException {

	private final String field;

	private final List<String> allowed;

	private final @Nullable String given;

	public UnknownValueException(String field, List<String> allowed, @Nullable String given) {
		super(field + " must be one of " + String.join(", ", allowed) + ", not "
				+ ((given != null) ? "\"" + given + "\"" : "nothing"));
		this.field = field;
		this.allowed = List.copyOf(allowed);
		this.given = given;
	}

	/** What the text was meant to be. */
	public String field() {
		return this.field;
	}

	/** The spellings allowed, in declaration order. */
	public List<String> allowed() {
		return this.allowed;
	}

	/**
	 * The spellings allowed, in words: {@code "even or weighted"}, {@code "a, b or c"}.
	 */
	public String alternatives() {
		int last = this.allowed.size() - 1;
		return (last < 1) ? String.join("", this.allowed)
				: String.join(", ", this.allowed.subList(0, last)) + " or " + this.allowed.get(last);
	}

	/** The text given, or {@code null} when there was none. */
	public @Nullable String given() {
		return this.given;
	}

}
