package io.trafficlab;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The enums a message carries: found by following record components, collection and map
 * types and sealed subtypes from the message's type.
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
