package io.trafficlab.system;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Tells requests for the JSON API apart from page requests, so that API errors are always
 * JSON.
 */
public final class ApiRequests {

	private static final String API_PATH = "/api/";

	private ApiRequests() {
	}

	/**
	 * Whether the request (or, on an error dispatch, the request that failed) is for
	 * {@code /api/**}.
	 */
	public static boolean isApiRequest(HttpServletRequest request) {
		Object failedUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String uri = (failedUri instanceof String failed) ? failed : request.getRequestURI();
		return uri.startsWith(request.getContextPath() + API_PATH);
	}

}
