package io.trafficlab.system;

import java.io.IOException;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every response carries a full Content-Security-Policy: scripts, styles, fonts and
 * images only from Traffic Lab itself (images also as {@code data:} URLs), connections
 * only to itself and to its own WebSocket stream, no plugins, forms only to itself. Who
 * may frame a page stays the one setting: {@code /embed} may be framed by the sites
 * {@code trafficlab.embed.frame-ancestors} names (any by default); every other page only
 * by Traffic Lab itself.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
@EnableConfigurationProperties(EmbedProperties.class)
class ContentSecurityPolicyFilter extends OncePerRequestFilter {

	static final String HEADER = "Content-Security-Policy";

	static final String EMBED_PATH = "/embed";

	static final String BASE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";

	/**
	 * A host and port as a Host header may carry them; anything else is left out of the
	 * policy.
	 */
	private static final Pattern HOST = Pattern
		.compile("[A-Za-z0-9.\\-]{1,253}(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]{2,45}\\](:[0-9]{1,5})?");

	private final String embedAncestors;

	ContentSecurityPolicyFilter(EmbedProperties properties) {
		this.embedAncestors = properties.frameAncestors().strip();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		boolean embed = path.equals(EMBED_PATH) || path.equals(EMBED_PATH + "/");
		response.setHeader(HEADER, policy(request.getHeader("Host"), embed ? this.embedAncestors : "'self'"));
		chain.doFilter(request, response);
	}

	/**
	 * The policy for a page served under this Host header: the stream's {@code ws:} and
	 * {@code wss:} address named beside {@code 'self'} for browsers that do not count
	 * them as the same origin.
	 */
	static String policy(@Nullable String host, String frameAncestors) {
		String connect = "connect-src 'self'";
		if (host != null && HOST.matcher(host).matches()) {
			connect += " ws://" + host + " wss://" + host;
		}
		return BASE_POLICY + "; " + connect + "; frame-ancestors " + frameAncestors;
	}

}
