package io.trafficlab.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * Catches what no exception handler saw (a failure while rendering a view, in a filter)
 * before the servlet container does: the failure is logged once as a {@link BugReport},
 * and the error dispatch answers {@code 500} with its reference
 * ({@link ErrorPageController}). A response already on its way cannot change any more,
 * and a client that went away needs no answer: those failures go on to the container.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class UncaughtFailureFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			if (response.isCommitted() || DisconnectedClientHelper.isClientDisconnectedException(ex)) {
				throw ex;
			}
			BugReport.log(request, ex);
			response.resetBuffer();
			response.sendError(HttpStatus.INTERNAL_SERVER_ERROR.value());
		}
	}

}
