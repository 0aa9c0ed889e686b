package io.trafficlab.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the request parameters before anything else does. Tomcat refuses a query string
 * or form it cannot decode (bad percent-encoding, too many parameters, a form over its
 * size limit) by throwing when the parameters are first read; left to the application
 * that would surface as a 500. Here it becomes a 400 (or 413): JSON for the API, the
 * error page otherwise.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ParameterDecodingFilter extends OncePerRequestFilter {

	private final JsonMapper json;

	ParameterDecodingFilter(JsonMapper json) {
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			request.getParameterMap();
		}
		catch (InvalidParameterException ex) {
			refuse(request, response, ex);
			return;
		}
		chain.doFilter(request, response);
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, InvalidParameterException ex)
			throws IOException {
		HttpStatus status = (ex.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()) ? HttpStatus.CONTENT_TOO_LARGE
				: HttpStatus.BAD_REQUEST;
		if (!ApiRequests.isApiRequest(request)) {
			response.sendError(status.value());
			return;
		}
		String message = (status == HttpStatus.CONTENT_TOO_LARGE) ? RequestLimits.BODY_TOO_LARGE
				: "The query string cannot be decoded: every parameter must be percent-encoded UTF-8 "
						+ "(for example service=default%2Fweb).";
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		this.json.writeValue(response.getOutputStream(), ErrorsJson.of(message));
	}

}
