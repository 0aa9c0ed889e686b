package io.trafficlab.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.trafficlab.system.ManifestMediaTypes;
import io.trafficlab.system.RequestLimits;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Reads manifests sent as a request body, never more than
 * {@link RequestLimits#MAX_MANIFEST_BYTES}.
 */
final class ManifestBody {

	private ManifestBody() {
	}

	/** The body as text, or {@code null} when there is none (or only white space). */
	static @Nullable String read(HttpServletRequest request) throws IOException {
		if (isForm(request) && request.getContentLengthLong() != 0) {
			// The servlet container has read a form body as parameters: the manifests are
			// gone
			throw new SandboxRequestException(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
					ManifestMediaTypes.problem(request.getContentType()).orElseThrow());
		}
		if (request.getContentLengthLong() > RequestLimits.MAX_MANIFEST_BYTES) {
			throw SandboxRequestException.bodyTooLarge(RequestLimits.BODY_TOO_LARGE);
		}
		try (InputStream body = request.getInputStream()) {
			byte[] bytes = body.readNBytes(RequestLimits.MAX_MANIFEST_BYTES + 1);
			if (bytes.length > RequestLimits.MAX_MANIFEST_BYTES) {
				throw SandboxRequestException.bodyTooLarge(RequestLimits.BODY_TOO_LARGE);
			}
			boolean multipart = request.getContentType() != null
					&& request.getContentType().toLowerCase(Locale.ROOT).startsWith("multipart/");
			String text = new String(bytes, StandardCharsets.UTF_8);
			if (text.isBlank() && !multipart) {
				return null;
			}
			ManifestMediaTypes.problem(request.getContentType()).ifPresent((problem) -> {
				throw new SandboxRequestException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, problem);
			});
			return text;
		}
	}

	private static boolean isForm(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase(Locale.ROOT).startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
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
