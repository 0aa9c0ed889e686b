package io.trafficlab.system;

import java.time.Duration;
import java.util.List;

import io.trafficlab.engine.apiserver.InvalidObjectException;
import io.trafficlab.engine.cluster.ClusterLimitException;
import io.trafficlab.manifest.ManifestSyntaxException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Bad input the application itself recognised: a feature's
 * {@link RefusedRequestException} with its status, manifests that do not parse, objects
 * kube-apiserver would refuse, a cluster over the limits. Each is answered with its 4xx
 * status and its message, as JSON under the API and as a page or htmx notice elsewhere.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class RefusedRequestAdvice {

	@ExceptionHandler
	Object refused(RefusedRequestException ex, HttpServletRequest request, HttpServletResponse response) {
		// a 503 or 429 also says when to try again
		HttpHeaders headers = new HttpHeaders();
		Duration retryAfter = ex.retryAfter();
		if (retryAfter != null) {
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
		}
		return ErrorReplies.reply(request, response, ex.status(), headers, List.of(String.valueOf(ex.getMessage())));
	}

	@ExceptionHandler
	Object manifestSyntax(ManifestSyntaxException ex, HttpServletRequest request, HttpServletResponse response) {
		return ErrorReplies.reply(request, response, HttpStatus.BAD_REQUEST,
				ErrorReplies.withPosition(String.valueOf(ex.getMessage()), ex.line(), ex.column()));
	}

	@ExceptionHandler
	Object invalidObject(InvalidObjectException ex, HttpServletRequest request, HttpServletResponse response) {
		return ErrorReplies.reply(request, response, HttpStatus.UNPROCESSABLE_CONTENT, new HttpHeaders(),
				ex.messages());
	}

	@ExceptionHandler
	Object clusterLimit(ClusterLimitException ex, HttpServletRequest request, HttpServletResponse response) {
		return ErrorReplies.reply(request, response, HttpStatus.UNPROCESSABLE_CONTENT, String.valueOf(ex.getMessage()));
	}

}
