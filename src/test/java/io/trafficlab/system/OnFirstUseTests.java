package io.trafficlab.system;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchRuntimeException;

class OnFirstUseTests {

	@Test
	void computesOnTheFirstGetOnly() {
		AtomicInteger computed = new AtomicInteger();
		OnFirstUse<String> value = new OnFirstUse<>(() -> "value " + computed.incrementAndGet());
		assertThat(computed).hasValue(0);
		assertThat(value.get()).isEqualTo("value 1");
		assertThat(value.get()).isEqualTo("value 1");
		assertThat(computed).hasValue(1);
	}

	@Test
	void aFailureIsKeptAndThrownToEveryCaller() {
		AtomicInteger computed = new AtomicInteger();
		OnFirstUse<String> value = new OnFirstUse<>(() -> {
			computed.incrementAndGet();
			throw new IllegalStateException("file x.yaml is broken");
		});
		RuntimeException first = catchRuntimeException(value::get);
		RuntimeException second = catchRuntimeException(value::get);
		assertThat(first).hasMessage("file x.yaml is broken");
		assertThat(second).isSameAs(first);
		assertThat(computed).hasValue(1);
	}

}
