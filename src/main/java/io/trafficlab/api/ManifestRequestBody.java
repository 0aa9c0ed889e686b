package io.trafficlab.api;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import io.trafficlab.manifest.ImportedCluster;
import io.trafficlab.manifest.ManifestImporter;
import io.trafficlab.system.ManifestMediaTypes;
import io.trafficlab.system.RequestLimits;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;

/**
 * Reads the manifests a client sends, never more than
 * {@link RequestLimits#MAX_MANIFEST_BYTES}: a declared {@code Content-Length} over the
 * limit is refused before reading, and a chunked body is counted while it is read.
 */
final class ManifestRequestBody {

	static final String APPLICATION_YAML = "application/yaml";

	static final String TEXT_YAML = "text/yaml";

	static final String APPLICATION_X_YAML = "application/x-yaml";

	static final String APPLICATION_JSON = MediaType.APPLICATION_JSON_VALUE;

	private ManifestRequestBody() {
	}

	/**
	 * The body; a charset other than UTF-8 is a 415 (the mapping's {@code consumes} has
	 * checked the type, but not its parameters).
	 */
	static byte[] read(HttpServletRequest request) throws IOException, HttpMediaTypeNotSupportedException {
		if (ManifestMediaTypes.problem(request.getContentType()).isPresent()) {
			throw new HttpMediaTypeNotSupportedException(MediaType.parseMediaType(request.getContentType()),
					ManifestMediaTypes.ACCEPTED, HttpMethod.POST);
		}
		if (request.getContentLengthLong() > RequestLimits.MAX_MANIFEST_BYTES) {
			throw new BodyTooLargeException();
		}
		try (InputStream body = request.getInputStream()) {
			return readAtMost(body, RequestLimits.MAX_MANIFEST_BYTES);
		}
	}

	/** The body, read as {@link #read} does, and imported. */
	static ImportedCluster imported(HttpServletRequest request, ManifestImporter importer)
			throws IOException, HttpMediaTypeNotSupportedException {
		return importer.read(new ByteArrayInputStream(read(request)));
	}

	static byte[] readAtMost(InputStream body, int limit) throws IOException {
		byte[] bytes = body.readNBytes(limit + 1);
		if (bytes.length > limit) {
			throw new BodyTooLargeException();
		}
		if (bytes.length == 0) {
			throw new InvalidRequestException(
					"The request body is empty: send Kubernetes manifests as YAML or JSON (for example kubectl get nodes,services,endpointslices,pods -o yaml).");
		}
		return bytes;
	}

}
