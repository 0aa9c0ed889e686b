package io.trafficlab.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A value with one spelling wherever it travels: HTTP parameters, lesson and challenge
 * files, the stream's JSON, permalinks and the browser's types. The spelling is
 * Kubernetes' where Kubernetes has one ({@code Local}, {@code ClientIP}), a lower-case id
 * elsewhere ({@code even}, {@code not-ready}). Enums implement it; nothing else spells
 * their values.
 */
public interface Spelled {

	/**
	 * The value as it is written outside Java: the constant's name in lower case, words
	 * joined by hyphens ({@code AWS_NLB_INSTANCE} is {@code aws-nlb-instance}), unless
	 * its enum spells it otherwise (Kubernetes' {@code Local}, {@code ClientIP}).
	 */
	default String apiName() {
		return ((Enum<?>) this).name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/**
	 * The constant of {@code type} spelled {@code text}.
	 * @param field what the text is, for the message ({@code "lb"},
	 * {@code "start.policy"})
	 * @throws UnknownValueException when no constant is spelled that way, naming the
	 * field and the spellings allowed
	 */
	static <E extends Enum<E> & Spelled> E parse(Class<E> type, String field, @Nullable String text) {
		return find(type, text).orElseThrow(() -> new UnknownValueException(field, spellings(type), text));
	}

	/**
	 * The constant of {@code type} spelled {@code text}, if there is one: for text that
	 * may name something outside the type (an owner reference's {@code kind}).
	 */
	static <E extends Enum<E> & Spelled> Optional<E> find(Class<E> type, @Nullable String text) {
		for (E constant : type.getEnumConstants()) {
			if (constant.apiName().equals(text)) {
				return Optional.of(constant);
			}
		}
		return Optional.empty();
	}

	/** Every spelling of {@code type}, in declaration order. */
	static <E extends Enum<E> & Spelled> List<String> spellings(Class<E> type) {
		List<String> spellings = new ArrayList<>();
		for (E constant : type.getEnumConstants()) {
			spellings.add(constant.apiName());
		}
		return List.copyOf(spellings);
	}

}
