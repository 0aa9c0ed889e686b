package io.trafficlab.api;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import io.trafficlab.engine.apiserver.InvalidObjectException;
import io.trafficlab.engine.cluster.ClusterLimitException;
import io.trafficlab.manifest.ManifestSyntaxException;
import io.trafficlab.system.ErrorsJson;
import io.trafficlab.system.ApiRequests;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns everything that can go wrong under {@code /api/**} into {@code {"errors": [...]}}
 * JSON: never HTML, never a stack trace, never a 500. It also sees failures that happen
 * before a controller is chosen (wrong method, media type, path), so it applies to every
 * request and hands non-API ones back to the default handling by rethrowing.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler {

	private static final Logger logger = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler
	ResponseEntity<ErrorsJson> manifestSyntax(ManifestSyntaxException ex, HttpServletRequest request)
			throws ManifestSyntaxException {
		requireApiRequest(request, ex);
		return error(HttpStatus.BAD_REQUEST, withPosition(String.valueOf(ex.getMessage()), ex.line(), ex.column()));
	}

	@ExceptionHandler
	ResponseEntity<ErrorsJson> invalidObject(InvalidObjectException ex, HttpServletRequest request)
			throws InvalidObjectException {
		requireApiRequest(request, ex);
		return error(HttpStatus.UNPROCESSABLE_CONTENT, ex.messages());
	}

	@ExceptionHandler
	ResponseEntity<ErrorsJson> responseTooLarge(ResponseBudget.ResponseTooLargeException ex) {
		return error(HttpStatus.UNPROCESSABLE_CONTENT, String.valueOf(ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ErrorsJson> clusterLimit(ClusterLimitException ex, HttpServletRequest request)
			throws ClusterLimitException {
		requireApiRequest(request, ex);
		return error(HttpStatus.UNPROCESSABLE_CONTENT, String.valueOf(ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ErrorsJson> invalidRequest(InvalidRequestException ex, HttpServletRequest request)
			throws InvalidRequestException {
		requireApiRequest(request, ex);
		return error(HttpStatus.BAD_REQUEST, String.valueOf(ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ErrorsJson> bodyTooLarge(BodyTooLargeException ex, HttpServletRequest request)
			throws BodyTooLargeException {
		requireApiRequest(request, ex);
		return error(HttpStatus.CONTENT_TOO_LARGE, String.valueOf(ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ErrorsJson> unsupportedMediaType(HttpMediaTypeNotSupportedException ex, HttpServletRequest request)
			throws HttpMediaTypeNotSupportedException {
		requireApiRequest(request, ex);
		List<MediaType> accepted = ex.getSupportedMediaTypes();
		String sent = (ex.getContentType() != null) ? "Content-Type " + ex.getContentType() + " is not accepted"
				: "The request has no Content-Type";
		String message = sent + ". Send Kubernetes manifests as one of: "
				+ accepted.stream().map(MediaType::toString).collect(Collectors.joining(", ")) + ".";
		HttpHeaders headers = new HttpHeaders();
		headers.setAccept(accepted);
		return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, headers, List.of(message));
	}

	@ExceptionHandler
	ResponseEntity<ErrorsJson> methodNotAllowed(HttpRequestMethodNotSupportedException ex, HttpServletRequest request)
			throws HttpRequestMethodNotSupportedException {
		requireApiRequest(request, ex);
		HttpHeaders headers = new HttpHeaders();
		headers.setAllow(ex.getSupportedHttpMethods());
		String allowed = String.join(", ", ex.getSupportedMethods() != null ? ex.getSupportedMethods() : new String[0]);
		return error(HttpStatus.METHOD_NOT_ALLOWED, headers, List.of("Method " + ex.getMethod() + " is not allowed on "
				+ request.getRequestURI() + "; use " + allowed + " with Kubernetes manifests as the body."));
	}

	@ExceptionHandler
	ResponseEntity<ErrorsJson> notAcceptable(HttpMediaTypeNotAcceptableException ex, HttpServletRequest request)
			throws HttpMediaTypeNotAcceptableException {
		requireApiRequest(request, ex);
		return error(HttpStatus.NOT_ACCEPTABLE, "The API answers only with application/json.");
	}

	@ExceptionHandler({ NoResourceFoundException.class, NoHandlerFoundException.class })
	ResponseEntity<ErrorsJson> notFound(Exception ex, HttpServletRequest request) throws Exception {
		requireApiRequest(request, ex);
		return error(HttpStatus.NOT_FOUND,
				"There is no API endpoint at " + request.getRequestURI()
						+ ". The API has POST /api/v1/analyze, POST /api/v1/trace, the sandbox commands under "
						+ "/api/v1/sandboxes and the classroom rooms under /api/v1/rooms (docs/sandbox-api.md).");
	}

	@ExceptionHandler({ ServletRequestBindingException.class, MethodArgumentTypeMismatchException.class })
	ResponseEntity<ErrorsJson> badParameter(Exception ex, HttpServletRequest request) throws Exception {
		requireApiRequest(request, ex);
		return error(HttpStatus.BAD_REQUEST, "The query parameters could not be read: " + ex.getMessage());
	}

	@ExceptionHandler
	ResponseEntity<ErrorsJson> unreadableBody(IOException ex, HttpServletRequest request) throws IOException {
		requireApiRequest(request, ex);
		logger.debug("Request body could not be read", ex);
		return error(HttpStatus.BAD_REQUEST, "The request body could not be read completely.");
	}

	@ExceptionHandler
	ResponseEntity<ErrorsJson> unexpected(Exception ex, HttpServletRequest request) throws Exception {
		requireApiRequest(request, ex);
		Throwable cause = ex;
		while (cause != null) {
			if (cause instanceof StackOverflowError) {
				return error(HttpStatus.BAD_REQUEST, "The manifests are nested too deeply to read.");
			}
			if (cause instanceof StreamReadException || cause instanceof StreamConstraintsException) {
				return error(HttpStatus.BAD_REQUEST, parserMessage((JacksonException) cause));
			}
			cause = (cause.getCause() != cause) ? cause.getCause() : null;
		}
		String reference = UUID.randomUUID().toString().substring(0, 8);
		logger.error("Unexpected failure on {} {} (reference {})", request.getMethod(), request.getRequestURI(),
				reference, ex);
		return error(HttpStatus.UNPROCESSABLE_CONTENT,
				"Traffic Lab could not process these manifests (reference " + reference
						+ "). This is a bug in Traffic Lab, not in the manifests; the details are in the server log.");
	}

	private static <E extends Exception> void requireApiRequest(HttpServletRequest request, E ex) throws E {
		if (!ApiRequests.isApiRequest(request)) {
			// Rethrowing the handled exception lets Spring MVC continue with its default
			// handling (HTML error page)
			throw ex;
		}
	}

	private static String parserMessage(JacksonException ex) {
		TokenStreamLocation location = ex.getLocation();
		String message = "The body is not valid YAML or JSON: " + ex.getOriginalMessage();
		return (location != null && location.getLineNr() > 0)
				? withPosition(message, location.getLineNr(), location.getColumnNr()) : message;
	}

	private static String withPosition(String message, int line, int column) {
		String position = "line " + line + ", column " + column;
		return message.contains(position) ? message : message + " (" + position + ")";
	}

	private static ResponseEntity<ErrorsJson> error(HttpStatus status, String message) {
		return error(status, new HttpHeaders(), List.of(message));
	}

	private static ResponseEntity<ErrorsJson> error(HttpStatus status, List<String> messages) {
		return error(status, new HttpHeaders(), messages);
	}

	private static ResponseEntity<ErrorsJson> error(HttpStatus status, HttpHeaders headers,
			List<@Nullable String> messages) {
		// A preset Content-Type makes the body JSON whatever the client's Accept header
		// says
		return ResponseEntity.status(status)
			.headers(headers)
			.contentType(MediaType.APPLICATION_JSON)
			.body(new ErrorsJson(messages.stream().map(String::valueOf).toList()));
	}

}
