package io.trafficlab.analyzer;

import org.springframework.http.HttpStatus;

/**
 * Status codes as words, so that colour is never the only signal: {@code 200 OK},
 * {@code 503 Service Unavailable}.
 */
final class HttpStatusLine {

	private HttpStatusLine() {
	}

	static String of(int status) {
		HttpStatus known = HttpStatus.resolve(status);
		return (known != null) ? status + " " + known.getReasonPhrase() : String.valueOf(status);
	}

}
