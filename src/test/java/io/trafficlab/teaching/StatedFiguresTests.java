package io.trafficlab.teaching;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatedFiguresTests {

	@Test
	void findsFractionsAddressesDurationsPercentagesAndCountsInARow() {
		assertThat(StatedFigures.in("web-4 gets 1/2, each of the others 1/6.")).containsExactly("1/2", "1/6");
		assertThat(StatedFigures.in("The pod sees 10.244.1.1, not 203.0.113.10.")).containsExactly("10.244.1.1",
				"203.0.113.10");
		assertThat(StatedFigures.in("Probes every 10 s, a 30-second grace? No: 30 seconds, 300 ms, 1.5 s."))
			.containsExactly("10 s", "30-second", "30 seconds", "300 ms", "1.5 s");
		assertThat(StatedFigures.in("n3 gets 50 % and n1 25%.")).containsExactly("50 %", "25%");
		assertThat(StatedFigures.in("It fails 2 in a row, then Three in a row.")).containsExactly("2 in a row",
				"Three in a row");
	}

	@Test
	void namesVersionsAndPlainNumbersAreNoFigures() {
		assertThat(StatedFigures.in("Kubernetes 1.32 and v1.34.0 run web-1..3 on n3 with 3 pods at /healthz"))
			.isEmpty();
		assertThat(StatedFigures.in("sizes, pods/node, 3 nodes, step 2 of 5")).isEmpty();
	}

}
