package io.trafficlab.engine.health;

/**
 * Quotes a string as Go's {@code %q} verb does ({@code strconv.Quote}): double quotes,
 * backslash escapes for {@code "} and {@code \}, the short escapes
 * {@code \a \b \f \n \r \t \v}, {@code \xHH} for other ASCII control characters,
 * {@code \\uHHHH} or {@code \\UHHHHHHHH} for non-printable characters beyond ASCII, and
 * printable characters as they are.
 */
final class GoQuote {

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private GoQuote() {
	}

	static String quote(String text) {
		StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
		for (int i = 0; i < text.length();) {
			int codePoint = text.codePointAt(i);
			i += Character.charCount(codePoint);
			appendEscaped(quoted, codePoint);
		}
		return quoted.append('"').toString();
	}

	private static void appendEscaped(StringBuilder quoted, int codePoint) {
		switch (codePoint) {
			case '"' -> quoted.append("\\\"");
			case '\\' -> quoted.append("\\\\");
			case 0x07 -> quoted.append("\\a");
			case '\b' -> quoted.append("\\b");
			case '\f' -> quoted.append("\\f");
			case '\n' -> quoted.append("\\n");
			case '\r' -> quoted.append("\\r");
			case '\t' -> quoted.append("\\t");
			case 0x0b -> quoted.append("\\v");
			default -> appendOther(quoted, codePoint);
		}
	}

	private static void appendOther(StringBuilder quoted, int codePoint) {
		if (isPrintable(codePoint)) {
			quoted.appendCodePoint(codePoint);
		}
		else if (codePoint < 0x80) {
			quoted.append("\\x").append(hex(codePoint, 2));
		}
		else if (Character.isSurrogate((char) codePoint) && codePoint <= 0xffff) {
			// a lone surrogate is not valid UTF-8; Go would see the replacement
			// character, which is printable
			quoted.append('\ufffd');
		}
		else if (codePoint <= 0xffff) {
			quoted.append("\\u").append(hex(codePoint, 4));
		}
		else {
			quoted.append("\\U").append(hex(codePoint, 8));
		}
	}

	/**
	 * Go's {@code strconv.IsPrint}: letters, marks, numbers, punctuation, symbols and the
	 * ASCII space.
	 */
	private static boolean isPrintable(int codePoint) {
		if (codePoint < 0x80) {
			return codePoint >= 0x20 && codePoint < 0x7f;
		}
		return switch (Character.getType(codePoint)) {
			case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
					Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
					Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
					Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION,
					Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
					Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION,
					Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL, Character.MODIFIER_SYMBOL,
					Character.OTHER_SYMBOL ->
				true;
			default -> false;
		};
	}

	private static String hex(int value, int digits) {
		char[] text = new char[digits];
		for (int i = digits - 1; i >= 0; i--) {
			text[i] = HEX[value & 0xf];
			value >>>= 4;
		}
		return new String(text);
	}

}
