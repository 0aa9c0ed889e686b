package io.trafficlab.cluster;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class InstanceIdTests {

	@Test
	void parseShouldTakeOneSymbolInAnyCase() {
		assertThat(InstanceId.parse("b")).isEqualTo(new InstanceId('B'));
		assertThat(InstanceId.parse(" 7 ").symbol()).isEqualTo('7');
	}

	@Test
	void parseShouldRefuseLookAlikesAndLongerNamesNamingTheSetting() {
		assertThatIllegalArgumentException().isThrownBy(() -> InstanceId.parse("O"))
			.withMessageContaining("trafficlab.instance.id")
			.withMessageContaining("\"O\"");
		assertThatIllegalArgumentException().isThrownBy(() -> InstanceId.parse("AB"));
		assertThatIllegalArgumentException().isThrownBy(() -> InstanceId.parse("1"));
	}

	@Test
	void ofIndexShouldNameStatefulSetPodsWithLettersFirst() {
		assertThat(InstanceId.ofIndex(0)).isEqualTo(new InstanceId('A'));
		assertThat(InstanceId.ofIndex(1)).isEqualTo(new InstanceId('B'));
		assertThat(InstanceId.ofIndex(8)).isEqualTo(new InstanceId('J'));
		assertThat(InstanceId.ofIndex(31)).isEqualTo(new InstanceId('9'));
		assertThatIllegalArgumentException().isThrownBy(() -> InstanceId.ofIndex(32))
			.withMessageContaining("between 0 and 31");
	}

	@Test
	void everyIndexShouldNameADifferentInstance() {
		java.util.Set<InstanceId> names = new java.util.HashSet<>();
		for (int i = 0; i < InstanceId.MAX_INSTANCES; i++) {
			names.add(InstanceId.ofIndex(i));
		}
		assertThat(names).hasSize(InstanceId.MAX_INSTANCES);
	}

	@Test
	void aSandboxIdShouldNameItsOwnerByItsFirstSymbolBeforeADash() {
		assertThat(InstanceId.parse("B").sandboxId("xYz_-9")).isEqualTo("B-xYz_-9");
		assertThat(InstanceId.ownerOfSandbox("B-xYz_-9")).contains(new InstanceId('B'));
		assertThat(InstanceId.ownerOfSandbox("c-xYz")).contains(new InstanceId('C'));
		assertThat(InstanceId.ownerOfSandbox("Bx-yz")).isEmpty();
		assertThat(InstanceId.ownerOfSandbox("I-xyz")).isEmpty();
	}

	@Test
	void thisInstanceShouldTellOnlyOtherOwnersKeysApart() {
		ThisInstance b = ThisInstance.named(InstanceId.parse("B"));
		assertThat(b.sandboxId("r4nd0m")).isEqualTo("B-r4nd0m");
		assertThat(b.otherOwnerOfSandbox("B-r4nd0m")).isEmpty();
		assertThat(b.otherOwnerOfSandbox("A-r4nd0m")).contains(new InstanceId('A'));
		assertThat(b.otherOwnerOfRoom("BK7F2Q")).isEmpty();
		assertThat(b.otherOwnerOfRoom("AK7F2Q")).contains(new InstanceId('A'));
	}

	@Test
	void theOnlyInstanceShouldMintPlainIdsAndOwnEveryKey() {
		ThisInstance only = ThisInstance.single();
		assertThat(only.sandboxId("r4nd0m")).isEqualTo("r4nd0m");
		assertThat(only.otherOwnerOfSandbox("A-r4nd0m")).isEmpty();
		assertThat(only.otherOwnerOfRoom("AK7F2Q")).isEmpty();
	}

}
