package io.trafficlab.engine.balancer;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * MetalLB layer 2's election (research §1.6): SHA-256 of {@code node#ip}, unsigned order,
 * the first announces.
 */
class L2ElectionTests {

	private static final String IP = "198.51.100.10";

	@Test
	void hashesShouldBeTheVerifiedOnes() {
		assertThat(L2Election.hashPrefix("n3", IP, 8)).isEqualTo("95112f4664ab758d");
		assertThat(L2Election.hashPrefix("n1", IP, 8)).isEqualTo("d23da545b51bdc39");
		assertThat(L2Election.hashPrefix("n2", IP, 8)).isEqualTo("d38623c582dee27f");
	}

	@Test
	void winnerWhenLocalShouldBeN1AndWhenClusterN3() {
		assertThat(L2Election.winner(List.of("n1", "n2"), IP)).isZero();
		assertThat(L2Election.winner(List.of("n1", "n2", "n3"), IP)).isEqualTo(2);
	}

	@Test
	void winnerShouldNotDependOnTheCandidatesOrder() {
		assertThat(L2Election.winner(List.of("n3", "n2", "n1"), IP)).isZero();
		assertThat(L2Election.winner(List.of("n2", "n1"), IP)).isEqualTo(1);
	}

	@Test
	void winnerWhenNoCandidateShouldBeNone() {
		assertThat(L2Election.winner(List.of(), IP)).isEqualTo(-1);
	}

	@Test
	void removingANodeOtherThanTheWinnerShouldKeepTheWinner() {
		assertThat(L2Election.winner(List.of("n1", "n3"), IP)).isEqualTo(1);
	}

	@Test
	void orderShouldCompareBytesUnsigned() {
		// n5's hash starts 0x1e, n3's 0x95: a signed byte comparison would put n3 first
		assertThat(L2Election.hashPrefix("n5", IP, 8)).isEqualTo("1e7343b05280a0c0");
		assertThat(L2Election.winner(List.of("n3", "n5"), IP)).isEqualTo(1);
	}

}
