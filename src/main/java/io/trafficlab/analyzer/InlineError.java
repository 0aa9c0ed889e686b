package io.trafficlab.analyzer;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * A problem shown in place of the results, never as an error page.
 *
 * @param status the HTTP status the response carries
 * @param title one line saying what kind of problem it is
 * @param messages the details, worded as the source words them (kube-apiserver, the YAML
 * parser)
 * @param excerpt the offending line for syntax errors, or {@code null}
 */
record InlineError(HttpStatus status, String title, List<String> messages, @Nullable SourceExcerpt excerpt) {

	static InlineError of(HttpStatus status, String title, String message) {
		return new InlineError(status, title, List.of(message), null);
	}

}
