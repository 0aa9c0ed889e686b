package io.trafficlab.embed;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.trafficlab.system.EmbedProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The embed token: what lets a frame with an opaque origin ({@code Origin: null}, a frame
 * sandboxed without {@code allow-same-origin}) drive the one sandbox it started, and no
 * other. A token is the HMAC-SHA256 of the sandbox id under a server key, so it needs no
 * storage, cannot be guessed or moved to another sandbox, and holds on every server that
 * shares the key ({@code trafficlab.embed.token-key}; a random key per process if unset).
 */
@Component
public class EmbedTokens {

	/** The model attribute the playground fragment writes as {@code data-embed-token}. */
	public static final String MODEL_ATTRIBUTE = "embedToken";

	private static final String ALGORITHM = "HmacSHA256";

	private static final int RANDOM_KEY_BYTES = 32;

	private final SecretKeySpec key;

	public EmbedTokens(EmbedProperties properties) {
		this.key = new SecretKeySpec(keyBytes(properties.tokenKey()), ALGORITHM);
	}

	/**
	 * The token for {@code sandboxId}, URL-safe base64 without padding (43 characters).
	 */
	public String issue(String sandboxId) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(mac(sandboxId));
	}

	/**
	 * Gives an embed page its sandbox's token ({@value #MODEL_ATTRIBUTE}), which the
	 * page's script sends with each request: a frame with an opaque origin needs it.
	 */
	public void addTo(Model model, String sandboxId) {
		model.addAttribute(MODEL_ATTRIBUTE, issue(sandboxId));
	}

	/** Whether {@code token} is this server's token for {@code sandboxId}. */
	public boolean valid(String sandboxId, @Nullable String token) {
		if (token == null) {
			return false;
		}
		byte[] given;
		try {
			given = Base64.getUrlDecoder().decode(token);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
		return MessageDigest.isEqual(mac(sandboxId), given);
	}

	private byte[] mac(String sandboxId) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			return mac.doFinal(sandboxId.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
	}

	private static byte[] keyBytes(@Nullable String configured) {
		if (configured == null) {
			byte[] random = new byte[RANDOM_KEY_BYTES];
			new SecureRandom().nextBytes(random);
			return random;
		}
		return configured.getBytes(StandardCharsets.UTF_8);
	}

}
