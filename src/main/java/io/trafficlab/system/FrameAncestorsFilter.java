package io.trafficlab.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Who may frame Traffic Lab: {@code /embed} may be framed by the sites
 * {@code trafficlab.embed.frame-ancestors} names (any by default); every other page only
 * by Traffic Lab itself.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
@EnableConfigurationProperties(EmbedProperties.class)
class FrameAncestorsFilter extends OncePerRequestFilter {

	static final String HEADER = "Content-Security-Policy";

	static final String EMBED_PATH = "/embed";

	private final String embedPolicy;

	FrameAncestorsFilter(EmbedProperties properties) {
		this.embedPolicy = "frame-ancestors " + properties.frameAncestors().strip();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		boolean embed = path.equals(EMBED_PATH) || path.equals(EMBED_PATH + "/");
		response.setHeader(HEADER, embed ? this.embedPolicy : "frame-ancestors 'self'");
		chain.doFilter(request, response);
	}

}
