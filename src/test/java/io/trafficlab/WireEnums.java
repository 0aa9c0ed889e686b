package io.trafficlab;

import java.io.IOException;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.trafficlab.engine.model.Spelled;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The enums a message carries: found by following record components, collection and map
 * types and sealed subtypes from the message's type; and their mirrors in TypeScript.
 */
public final class WireEnums {

	private WireEnums() {
	}

	public static Set<Class<?>> reachableFrom(Type... roots) {
		Set<Class<?>> enums = new LinkedHashSet<>();
		Set<Type> seen = new HashSet<>();
		for (Type root : roots) {
			collect(root, seen, enums);
		}
		return enums;
	}

	/**
	 * The TypeScript {@code mirror} declares each enum as the union of exactly its
	 * spellings: {@code export type Name = 'a' | 'b';}.
	 */
	public static void assertMirroredAsUnions(Path mirror, Collection<Class<?>> enums) throws IOException {
		String source = Files.readString(mirror);
		String file = mirror.getFileName().toString();
		for (Class<?> type : enums) {
			Matcher union = Pattern.compile("\\nexport type " + type.getSimpleName() + " = ([^;]*);").matcher(source);
			assertThat(union.find()).as(file + " declares the union " + type.getSimpleName()).isTrue();
			List<String> literals = Pattern.compile("'([^']*)'")
				.matcher(union.group(1))
				.results()
				.map((m) -> m.group(1))
				.toList();
			List<String> spellings = Arrays.stream(type.getEnumConstants())
				.map((constant) -> ((Spelled) constant).apiName())
				.toList();
			assertThat(literals).as(file + ", " + type.getSimpleName()).containsExactlyInAnyOrderElementsOf(spellings);
		}
	}

	private static void collect(Type type, Set<Type> seen, Set<Class<?>> enums) {
		if (!seen.add(type)) {
			return;
		}
		if (type instanceof ParameterizedType parameterized) {
			collect(parameterized.getRawType(), seen, enums);
			for (Type argument : parameterized.getActualTypeArguments()) {
				collect(argument, seen, enums);
			}
		}
		else if (type instanceof WildcardType wildcard) {
			for (Type bound : wildcard.getUpperBounds()) {
				collect(bound, seen, enums);
			}
		}
		else if (type instanceof GenericArrayType array) {
			collect(array.getGenericComponentType(), seen, enums);
		}
		else if (type instanceof Class<?> raw) {
			if (raw.isArray()) {
				collect(raw.getComponentType(), seen, enums);
			}
			else if (raw.isEnum()) {
				enums.add(raw);
			}
			else if (raw.isRecord()) {
				for (RecordComponent component : raw.getRecordComponents()) {
					collect(component.getGenericType(), seen, enums);
				}
			}
			else if (raw.isSealed()) {
				for (Class<?> subtype : raw.getPermittedSubclasses()) {
					collect(subtype, seen, enums);
				}
			}
		}
	}

}
