package io.trafficlab.system;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Requests Spring MVC cannot map or bind: a wrong method, media type or path, a missing
 * or mistyped parameter, a body that cannot be read. Under the API each gets its 4xx in
 * {@code {"errors": [...]}} JSON, in words that say what to send instead. Page requests
 * go on to Spring's default handling (rethrowing the exception lets it continue), which
 * sends the status to {@link ErrorPageController}.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class MalformedRequestAdvice {

	private static final Logger logger = LoggerFactory.getLogger(MalformedRequestAdvice.class);

	@ExceptionHandler
	ResponseEntity<ErrorsJson> unsupportedMediaType(HttpMediaTypeNotSupportedException ex, HttpServletRequest request)
			throws HttpMediaTypeNotSupportedException {
		requireApiRequest(request, ex);
		List<MediaType> accepted = ex.getSupportedMediaTypes().isEmpty() ? ManifestMediaTypes.ACCEPTED
				: ex.getSupportedMediaTypes();
		// An unparsable Content-Type reaches here without one: name the header as sent
		String header = request.getContentType();
		String sent = (header == null || header.isBlank()) ? "The request has no Content-Type"
				: "Content-Type " + header + " is not accepted";
		String message = sent + ". Send Kubernetes manifests as one of: "
				+ accepted.stream().map(MediaType::toString).collect(Collectors.joining(", ")) + ".";
		HttpHeaders headers = new HttpHeaders();
		headers.setAccept(accepted);
		return ErrorReplies.json(HttpStatus.UNSUPPORTED_MEDIA_TYPE, headers, List.of(message));
	}

	@ExceptionHandler
	ResponseEntity<ErrorsJson> methodNotAllowed(HttpRequestMethodNotSupportedException ex, HttpServletRequest request)
			throws HttpRequestMethodNotSupportedException {
		requireApiRequest(request, ex);
		HttpHeaders headers = new HttpHeaders();
		headers.setAllow(ex.getSupportedHttpMethods());
		String allowed = String.join(", ", ex.getSupportedMethods() != null ? ex.getSupportedMethods() : new String[0]);
		return ErrorReplies.json(HttpStatus.METHOD_NOT_ALLOWED, headers,
				List.of("Method " + ex.getMethod() + " is not allowed on " + request.getRequestURI() + "; use "
						+ allowed + " with Kubernetes manifests as the body."));
	}

	@ExceptionHandler
	ResponseEntity<ErrorsJson> notAcceptable(HttpMediaTypeNotAcceptableException ex, HttpServletRequest request)
			throws HttpMediaTypeNotAcceptableException {
		requireApiRequest(request, ex);
		return ErrorReplies.json(HttpStatus.NOT_ACCEPTABLE, "The API answers only with application/json.");
	}

	@ExceptionHandler({ NoResourceFoundException.class, NoHandlerFoundException.class })
	ResponseEntity<ErrorsJson> notFound(Exception ex, HttpServletRequest request) throws Exception {
		requireApiRequest(request, ex);
		return ErrorReplies.json(HttpStatus.NOT_FOUND,
				"There is no API endpoint at " + request.getRequestURI() + ". " + ErrorReplies.API_INDEX);
	}

	@ExceptionHandler
	ResponseEntity<ErrorsJson> missingParameter(MissingServletRequestParameterException ex, HttpServletRequest request)
			throws MissingServletRequestParameterException {
		requireApiRequest(request, ex);
		return ErrorReplies.json(HttpStatus.BAD_REQUEST,
				"Query parameter '" + ex.getParameterName() + "' is required.");
	}

	@ExceptionHandler
	ResponseEntity<ErrorsJson> typeMismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request)
			throws MethodArgumentTypeMismatchException {
		requireApiRequest(request, ex);
		return ErrorReplies.json(HttpStatus.BAD_REQUEST, "Query parameter '" + ex.getName() + "' must be "
				+ expected(ex.getRequiredType()) + " (got \"" + ex.getValue() + "\").");
	}

	@ExceptionHandler
	ResponseEntity<ErrorsJson> badParameter(ServletRequestBindingException ex, HttpServletRequest request)
			throws ServletRequestBindingException {
		requireApiRequest(request, ex);
		return ErrorReplies.json(HttpStatus.BAD_REQUEST, "The query parameters could not be read: " + ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ErrorsJson> unreadableBody(IOException ex, HttpServletRequest request) throws IOException {
		requireApiRequest(request, ex);
		logger.debug("Request body could not be read", ex);
		return ErrorReplies.json(HttpStatus.BAD_REQUEST, "The request body could not be read completely.");
	}

	private static String expected(@Nullable Class<?> type) {
		if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
			return "a whole number";
		}
		if (type == double.class || type == float.class || type == Double.class || type == Float.class) {
			return "a number";
		}
		return "a valid " + ((type != null) ? type.getSimpleName() : "value");
	}

	private static <E extends Exception> void requireApiRequest(HttpServletRequest request, E ex) throws E {
		if (!ApiRequests.isApiRequest(request)) {
			throw ex;
		}
	}

}
