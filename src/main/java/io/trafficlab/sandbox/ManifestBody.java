package io.trafficlab.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import io.trafficlab.system.RequestLimits;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * Reads manifests sent as a request body, never more than {@link RequestLimits#MAX_MANIFEST_BYTES}.
 */
final class ManifestBody {

	private ManifestBody() {
	}

	/** The body as text, or {@code null} when there is none (or only white space). */
	static @Nullable String read(HttpServletRequest request) throws IOException {
		if (request.getContentLengthLong() > RequestLimits.MAX_MANIFEST_BYTES) {
			throw SandboxRequestException.bodyTooLarge(RequestLimits.BODY_TOO_LARGE);
		}
		try (InputStream body = request.getInputStream()) {
			byte[] bytes = body.readNBytes(RequestLimits.MAX_MANIFEST_BYTES + 1);
			if (bytes.length > RequestLimits.MAX_MANIFEST_BYTES) {
				throw SandboxRequestException.bodyTooLarge(RequestLimits.BODY_TOO_LARGE);
			}
			String text = new String(bytes, StandardCharsets.UTF_8);
			return text.isBlank() ? null : text;
		}
	}

	/** The body as text; refuses an empty one. */
	static String require(HttpServletRequest request) throws IOException {
		String text = read(request);
		if (text == null) {
			throw SandboxRequestException.badValue(
					"The request body is empty: send Kubernetes manifests as YAML or JSON (a Service, its pods or "
							+ "Deployment, and optionally Nodes).");
		}
		return text;
	}

}
