package io.trafficlab.embed;

import io.trafficlab.system.EmbedProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * An embed token opens one sandbox: its own, on every server that shares the key, and no
 * other.
 */
class EmbedTokensTests {

	private static final String KEY = "0123456789abcdef0123456789abcdef";

	private final EmbedTokens tokens = new EmbedTokens(new EmbedProperties("*", KEY));

	@Test
	void tokenShouldOpenItsOwnSandboxOnly() {
		String token = this.tokens.issue("sandbox-a");
		assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
		assertThat(this.tokens.valid("sandbox-a", token)).isTrue();
		assertThat(this.tokens.valid("sandbox-b", token)).isFalse();
	}

	@Test
	void garbageShouldNotBeValid() {
		assertThat(this.tokens.valid("sandbox-a", null)).isFalse();
		assertThat(this.tokens.valid("sandbox-a", "")).isFalse();
		assertThat(this.tokens.valid("sandbox-a", "%%%not base64%%%")).isFalse();
		String token = this.tokens.issue("sandbox-a");
		assertThat(this.tokens.valid("sandbox-a", token.substring(0, 42))).isFalse();
	}

	@Test
	void serversSharingTheKeyShouldAcceptEachOthersTokens() {
		EmbedTokens otherServer = new EmbedTokens(new EmbedProperties("*", KEY));
		assertThat(otherServer.valid("sandbox-a", this.tokens.issue("sandbox-a"))).isTrue();
		EmbedTokens otherKey = new EmbedTokens(new EmbedProperties("*", KEY.replace('0', 'z')));
		assertThat(otherKey.valid("sandbox-a", this.tokens.issue("sandbox-a"))).isFalse();
	}

	@Test
	void withoutAKeyEachProcessShouldDrawItsOwn() {
		EmbedTokens first = new EmbedTokens(new EmbedProperties("*", null));
		EmbedTokens second = new EmbedTokens(new EmbedProperties("*", null));
		assertThat(second.valid("sandbox-a", first.issue("sandbox-a"))).isFalse();
		assertThat(first.valid("sandbox-a", first.issue("sandbox-a"))).isTrue();
	}

	@Test
	void shortKeyShouldBeRefusedWithTheSettingsName() {
		assertThatIllegalArgumentException().isThrownBy(() -> new EmbedProperties("*", "short"))
			.withMessageContaining("trafficlab.embed.token-key")
			.withMessageContaining("at least 32");
	}

}
