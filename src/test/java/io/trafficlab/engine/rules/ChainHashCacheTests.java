package io.trafficlab.engine.rules;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChainHashCacheTests {

	@Test
	void answersWhatChainHashComputes() {
		ChainHashCache cache = new ChainHashCache(16, 10);
		String text = "ns1/svc1:p80tcp10.180.0.1:80";
		String first = cache.of(text);
		assertThat(first).isEqualTo(new ChainHash().of(text, 16));
		assertThat(cache.of(text)).isSameAs(first);
	}

	@Test
	void keepsAtMostItsCapacityDroppingTheOldest() {
		ChainHashCache cache = new ChainHashCache(8, 3);
		String oldest = cache.of("a");
		cache.of("b");
		cache.of("c");
		cache.of("d");
		assertThat(cache.size()).isEqualTo(3);
		String again = cache.of("a");
		assertThat(again).isEqualTo(oldest).isNotSameAs(oldest);
	}

	@Test
	void givesEveryThreadTheSameHashes() throws InterruptedException {
		ChainHashCache cache = new ChainHashCache(16, 50);
		ChainHash expected = new ChainHash();
		List<String> failures = new ArrayList<>();
		List<Thread> threads = new ArrayList<>();
		for (int t = 0; t < 4; t++) {
			threads.add(new Thread(() -> {
				for (int i = 0; i < 2_000; i++) {
					String text = "ns/svc:p80tcp10.0." + (i % 100) + ".1:80";
					String hash = cache.of(text);
					if (!hash.equals(new ChainHash().of(text, 16))) {
						synchronized (failures) {
							failures.add(text);
						}
					}
				}
			}));
		}
		threads.forEach(Thread::start);
		for (Thread thread : threads) {
			thread.join();
		}
		assertThat(failures).isEmpty();
		assertThat(cache.size()).isEqualTo(50);
		assertThat(cache.of("x")).isEqualTo(expected.of("x", 16));
	}

}
