package io.trafficlab.engine.apiserver;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A manifest's int-or-string value where a count or a percentage is expected
 * ({@code intstr.IntOrString}): a number, or text such as {@code "25%"}.
 *
 * @param number the value when the manifest gave a number, else {@code null}
 * @param text the value when the manifest gave a string, else {@code null}
 */
public record IntOrPercent(@Nullable Integer number, @Nullable String text) {

	private static final Pattern PERCENT = Pattern.compile("[0-9]+%");

	/** {@code IsValidPercent}'s message, with {@code RegexError}'s examples. */
	static final String PERCENT_MESSAGE = "a valid percent string must be a numeric string followed by an ending '%' "
			+ "(e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')";

	/** Whether the value is text that {@code IsValidPercent} accepts. */
	boolean isPercent() {
		return this.text != null && PERCENT.matcher(this.text).matches();
	}

	/**
	 * {@code getIntOrPercentValue}: a valid percentage's number, a number itself, and for
	 * other text what {@code strconv.Atoi} makes of it (0 when it is not a number).
	 */
	long value() {
		if (this.number != null) {
			return this.number;
		}
		String digits = isPercent() ? this.text.substring(0, this.text.length() - 1) : this.text;
		return Names.isNumber(digits) ? Names.parseNumber(digits) : 0;
	}

	/** The value as a field error prints it: a number bare, text quoted. */
	String printed() {
		return (this.number != null) ? this.number.toString() : GoValue.quote(this.text);
	}

}
