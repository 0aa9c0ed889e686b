package io.trafficlab.system;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * The media types a request may send manifests as, everywhere manifests are accepted:
 * YAML or JSON, in UTF-8 (or without a charset, which means UTF-8 for these types).
 */
public final class ManifestMediaTypes {

	public static final List<MediaType> ACCEPTED = List.of(MediaType.parseMediaType("application/yaml"),
			MediaType.parseMediaType("text/yaml"), MediaType.parseMediaType("application/x-yaml"),
			MediaType.APPLICATION_JSON);

	/** The accepted types, for messages: "application/yaml, text/yaml, ...". */
	public static final String ACCEPTED_LIST = "application/yaml, text/yaml, application/x-yaml or application/json";

	private ManifestMediaTypes() {
	}

	/**
	 * Why a request's {@code Content-Type} cannot carry manifests, or empty when it can.
	 * @param contentType the header, or {@code null} when the request has none
	 */
	public static Optional<String> problem(@Nullable String contentType) {
		if (contentType == null || contentType.isBlank()) {
			return Optional.of("The request has no Content-Type. Send Kubernetes manifests as " + ACCEPTED_LIST
					+ " (curl: -H 'Content-Type: application/yaml' --data-binary @cluster.yaml).");
		}
		MediaType type;
		try {
			type = MediaType.parseMediaType(contentType);
		}
		catch (InvalidMediaTypeException ex) {
			return Optional.of(notAccepted(contentType));
		}
		if (ACCEPTED.stream().noneMatch((accepted) -> accepted.equalsTypeAndSubtype(type))) {
			return Optional.of(notAccepted(contentType));
		}
		String charset = type.getParameter("charset");
		if (charset != null && !isUtf8(charset)) {
			return Optional.of("Content-Type " + contentType + " is not accepted: manifests must be UTF-8 (send "
					+ "charset=utf-8, or no charset). Send Kubernetes manifests as " + ACCEPTED_LIST + ".");
		}
		return Optional.empty();
	}

	private static String notAccepted(String contentType) {
		return "Content-Type " + contentType + " is not accepted. Send Kubernetes manifests as " + ACCEPTED_LIST
				+ " (curl: -H 'Content-Type: application/yaml' --data-binary @cluster.yaml).";
	}

	private static boolean isUtf8(String charset) {
		String name = charset.replace("\"", "").trim();
		try {
			return Charset.isSupported(name) && Charset.forName(name).equals(StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
