package io.trafficlab.engine.apiserver;

import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * One field-level validation error, printed the way the API server's field errors print
 * themselves: {@code
 * <field>: <type>[: <value>][: <detail>]}.
 *
 * @param type the kind of error
 * @param field the field path, e.g. {@code spec.ports[0].nodePort}
 * @param value the bad value, already in its printed form (see {@link GoValue}), or
 * {@code null} when the type does not print it
 * @param detail the explanation, or {@code ""}
 */
record FieldError(Type type, String field, @Nullable String value, String detail) {

	static FieldError required(String field, String detail) {
		return new FieldError(Type.REQUIRED, field, null, detail);
	}

	static FieldError forbidden(String field, String detail) {
		return new FieldError(Type.FORBIDDEN, field, null, detail);
	}

	static FieldError invalid(String field, String printedValue, String detail) {
		return new FieldError(Type.INVALID, field, printedValue, detail);
	}

	static FieldError duplicate(String field, String printedValue) {
		return new FieldError(Type.DUPLICATE, field, printedValue, "");
	}

	/**
	 * An unsupported value of an enumerated field, listing the supported values quoted,
	 * in the given order.
	 */
	static FieldError notSupported(String field, String value, List<String> supported) {
		String detail = supported.stream()
			.map(GoValue::quote)
			.collect(Collectors.joining(", ", "supported values: ", ""));
		return new FieldError(Type.NOT_SUPPORTED, field, GoValue.quote(value), detail);
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder(this.field).append(": ").append(this.type.label);
		if (this.value != null) {
			text.append(": ").append(this.value);
		}
		if (!this.detail.isEmpty()) {
			text.append(": ").append(this.detail);
		}
		return text.toString();
	}

	/**
	 * The error types, with the labels the API server prints.
	 */
	enum Type {

		REQUIRED("Required value"), FORBIDDEN("Forbidden"), INVALID("Invalid value"),
		NOT_SUPPORTED("Unsupported value"), DUPLICATE("Duplicate value");

		private final String label;

		Type(String label) {
			this.label = label;
		}

	}

}
