package io.trafficlab.api;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * A read-only view that maps each element on access. Response records wrap the engine's
 * (possibly huge) lists with it so that serialization walks them once without building a
 * second list.
 */
final class MappedList<S, T> extends AbstractList<T> implements RandomAccess {

	private final List<S> source;

	private final Function<? super S, ? extends T> mapping;

	private MappedList(List<S> source, Function<? super S, ? extends T> mapping) {
		this.source = source;
		this.mapping = mapping;
	}

	static <S, T> List<T> of(List<S> source, Function<? super S, ? extends T> mapping) {
		return new MappedList<>(source, mapping);
	}

	@Override
	public T get(int index) {
		return this.mapping.apply(this.source.get(index));
	}

	@Override
	public int size() {
		return this.source.size();
	}

}
