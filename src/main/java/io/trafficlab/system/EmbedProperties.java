package io.trafficlab.system;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embeddable playground ({@code trafficlab.embed.*}).
 *
 * @param frameAncestors which sites may show {@code /embed} in a frame: the source list
 * of CSP {@code frame-ancestors}, e.g. {@code *} (any site, the default) or
 * {@code 'self' https://docs.example.com}
 * @param tokenKey the key embed tokens are signed with (at least 32 characters); servers
 * behind one load balancer share it so a frame's token holds on each. Unset: a random key
 * per process.
 */
@ConfigurationProperties("trafficlab.embed")
public record EmbedProperties(@DefaultValue("*") String frameAncestors, @Nullable String tokenKey) {

	/** The shortest {@code token-key}: 256 bits, HMAC-SHA256's own size. */
	public static final int MIN_TOKEN_KEY_LENGTH = 32;

	public EmbedProperties {
		if (frameAncestors.isBlank() || frameAncestors.chars().anyMatch((c) -> c == ';' || c == ',' || c < ' ')) {
			throw new IllegalArgumentException("trafficlab.embed.frame-ancestors must be a CSP source list such as * "
					+ "or 'self' https://docs.example.com (no ';' or ','), not \"" + frameAncestors + "\"");
		}
		if (tokenKey != null && tokenKey.length() < MIN_TOKEN_KEY_LENGTH) {
			throw new IllegalArgumentException("trafficlab.embed.token-key must be at least " + MIN_TOKEN_KEY_LENGTH
					+ " characters (it signs the embed tokens), not " + tokenKey.length());
		}
	}

}
