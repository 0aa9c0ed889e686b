package io.trafficlab.analyzer;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;

/**
 * What the page shows after a submission: an analysis or the error that prevented it, and
 * optionally a trace or the error that prevented that.
 *
 * @param analysis the analysis, or {@code null}
 * @param error why there is no analysis, or {@code null}
 * @param trace the traced packet, or {@code null}
 * @param traceError why there is no trace, or {@code null}
 */
record AnalyzerOutcome(@Nullable AnalysisView analysis, @Nullable InlineError error, @Nullable TraceView trace,
		@Nullable InlineError traceError) {

	static AnalyzerOutcome failed(InlineError error) {
		return new AnalyzerOutcome(null, error, null, null);
	}

	AnalyzerOutcome withTrace(@Nullable TraceView trace, @Nullable InlineError traceError) {
		return new AnalyzerOutcome(this.analysis, this.error, trace, traceError);
	}

	/** The status of the first problem, or 200. */
	HttpStatus status() {
		if (this.error != null) {
			return this.error.status();
		}
		return (this.traceError != null) ? this.traceError.status() : HttpStatus.OK;
	}

}
