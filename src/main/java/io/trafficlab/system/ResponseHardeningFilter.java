package io.trafficlab.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every response says {@code X-Content-Type-Options: nosniff}, so a browser never reads a
 * JSON or YAML answer (which may echo a client's text) as HTML or script; and source maps
 * are not served unless {@code trafficlab.static.source-maps} is set (a development
 * build, {@code npm run build:dev}, writes one; the production build does not, and a
 * stale one is not served either).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ResponseHardeningFilter extends OncePerRequestFilter {

	static final String NOSNIFF_HEADER = "X-Content-Type-Options";

	private final boolean sourceMaps;

	ResponseHardeningFilter(@Value("${trafficlab.static.source-maps:false}") boolean sourceMaps) {
		this.sourceMaps = sourceMaps;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader(NOSNIFF_HEADER, "nosniff");
		if (!this.sourceMaps && request.getRequestURI().endsWith(".map")) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		chain.doFilter(request, response);
	}

}
