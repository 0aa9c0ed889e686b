package io.trafficlab.room;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import io.trafficlab.cluster.InstanceId;
import io.trafficlab.cluster.ThisInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tests for {@link RoomCode}: codes from an alphabet without look-alikes, shown grouped,
 * read as people type them.
 */
class RoomCodeTests {

	@Test
	void alphabetShouldHaveNoLookAlikesAndThirtyTwoSymbols() {
		assertThat(RoomCode.ALPHABET).hasSize(32).doesNotContain("0", "O", "1", "I");
		assertThat(RoomCode.ALPHABET.chars().distinct().count()).isEqualTo(32);
	}

	@Test
	void randomCodesShouldUseOnlyTheAlphabetAndSpreadOverIt() {
		SplittableRandom random = new SplittableRandom(7);
		Set<Character> seen = new HashSet<>();
		Set<String> codes = new HashSet<>();
		for (int i = 0; i < 2_000; i++) {
			RoomCode code = RoomCode.random(random);
			assertThat(code.value()).matches(RoomCode.CANONICAL);
			code.value().chars().forEach((c) -> seen.add((char) c));
			codes.add(code.value());
		}
		assertThat(seen).hasSize(32);
		assertThat(codes).hasSizeGreaterThan(1_990);
	}

	@Test
	void anInstanceOfSeveralShouldPutItsNameFirstAndKeepTheRestRandom() {
		SplittableRandom random = new SplittableRandom(7);
		ThisInstance b = ThisInstance.named(InstanceId.parse("B"));
		Set<String> codes = new HashSet<>();
		for (int i = 0; i < 1_000; i++) {
			RoomCode code = RoomCode.random(random, b);
			assertThat(code.value()).matches(RoomCode.CANONICAL).startsWith("B");
			assertThat(InstanceId.ownerOfRoom(code.value())).isEqualTo(InstanceId.parse("B"));
			codes.add(code.value());
		}
		assertThat(codes).hasSizeGreaterThan(990);
	}

	@Test
	void displayShouldGroupTheCodeInThrees() {
		assertThat(new RoomCode("K7F2QX").display()).isEqualTo("K7F-2QX");
		assertThat(new RoomCode("K7F2QX")).hasToString("K7F-2QX");
	}

	@ParameterizedTest
	@ValueSource(strings = { "K7F-2QX", "k7f-2qx", "k7f2qx", " K7F 2QX ", "k7f - 2qx" })
	void parseWhenTypedAnyWayShouldReadTheSameCode(String typed) {
		assertThat(RoomCode.parse(typed)).isEqualTo(new RoomCode("K7F2QX"));
	}

	@Test
	void parseWhenTheCodeHasALookAlikeShouldSaySo() {
		assertThatThrownBy(() -> RoomCode.parse("K0F-2QX"))
			.isInstanceOfSatisfying(RoomRequestException.class,
					(ex) -> assertThat(ex.status()).isEqualTo(HttpStatus.BAD_REQUEST))
			.hasMessage("Room codes never contain 0, O, 1 or I: check the code your teacher shows (got \"K0F-2QX\").");
		assertThatThrownBy(() -> RoomCode.parse("kif2qx")).hasMessageContaining("never contain 0, O, 1 or I");
	}

	@Test
	void parseWhenTheLengthIsWrongShouldSayHowLongACodeIs() {
		assertThatThrownBy(() -> RoomCode.parse("K7F-2Q"))
			.hasMessage("A room code has 6 letters and digits, like K7F-2QX (got \"K7F-2Q\", which has 5).");
		assertThatThrownBy(() -> RoomCode.parse("   "))
			.hasMessage("Enter the room code your teacher shows, like K7F-2QX.");
	}

	@Test
	void parseWhenTheCodeHasOtherCharactersShouldEchoItCutShort() {
		assertThatThrownBy(() -> RoomCode.parse("K7F/2Q")).hasMessageContaining("only letters and digits");
		assertThatThrownBy(() -> RoomCode.parse("x".repeat(5_000))).hasMessageContaining("\"" + "x".repeat(24) + "…\"")
			.hasMessageContaining("which has 5000");
	}

	@Test
	void canonicalFormShouldBeTheOnlyOneTheRecordTakes() {
		assertThatThrownBy(() -> new RoomCode("k7f2qx")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new RoomCode("K7F-2QX")).isInstanceOf(IllegalArgumentException.class);
	}

}
