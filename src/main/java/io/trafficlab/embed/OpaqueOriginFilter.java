package io.trafficlab.embed;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.trafficlab.sandbox.SandboxDestinations;
import io.trafficlab.system.ErrorsJson;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What a frame with an opaque origin may load and call. A frame sandboxed without
 * {@code allow-same-origin} sends {@code Origin: null} with its module script, its fonts,
 * its {@code fetch} and htmx requests, so each is cross-origin to us:
 * <ul>
 * <li>static files (scripts, styles, fonts, images) are public: any origin may load them
 * ({@code Access-Control-Allow-Origin: *});</li>
 * <li>a request from {@code Origin: null} is answered for {@code null} only when it names
 * a sandbox (the path {@code /api/v1/sandboxes/{id}/…} or a {@code sandbox} parameter)
 * and carries that sandbox's embed token in {@value #TOKEN_HEADER} ({@link EmbedTokens});
 * otherwise it is refused with 403 before it does anything;</li>
 * <li>preflights from {@code null} are answered (they carry no token, and grant nothing
 * without one);</li>
 * <li>the stream's handshake ({@code /ws}) is the stream's own to check.</li>
 * </ul>
 * Other origins are left as they were: same-origin pages need no CORS, and pages of other
 * sites get none.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class OpaqueOriginFilter extends OncePerRequestFilter {

	static final String TOKEN_HEADER = "X-Traffic-Lab-Embed";

	static final String OPAQUE = "null";

	/** The request headers an embed's own requests send: its token and htmx's. */
	private static final Set<String> ALLOWED_HEADERS = Set.of("content-type", "accept",
			TOKEN_HEADER.toLowerCase(Locale.ROOT), "hx-request", "hx-current-url", "hx-target", "hx-trigger",
			"hx-trigger-name", "hx-boosted", "hx-prompt");

	/** The htmx response headers the app sets, which the embed's htmx must read. */
	private static final String EXPOSED_HEADERS = "HX-Trigger, HX-Retarget, HX-Reswap, HX-Replace-Url";

	private static final Set<String> STATIC_ROOTS = Set.of("/js/", "/css/", "/webjars/", "/fonts/", "/img/",
			"/favicon.svg");

	static final String NAMES_NO_SANDBOX = "A page with an opaque origin (a frame sandboxed without "
			+ "allow-same-origin) may only call the sandbox it started.";

	static final String NO_VALID_TOKEN = "This request from a sandboxed frame carries no valid embed token for the "
			+ "sandbox it names: an embed may only drive the sandbox it started.";

	private static final String SANDBOX_PATH = SandboxDestinations.API + "/";

	private final EmbedTokens tokens;

	private final JsonMapper json;

	OpaqueOriginFilter(EmbedTokens tokens, JsonMapper json) {
		this.tokens = tokens;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String origin = request.getHeader(HttpHeaders.ORIGIN);
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (origin != null && isStatic(path)) {
			response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
			chain.doFilter(request, response);
			return;
		}
		// The stream's handshake carries its token in the query: the stream's
		// EmbedHandshake checks it
		if (!OPAQUE.equals(origin) || path.equals(SandboxDestinations.ENDPOINT)) {
			chain.doFilter(request, response);
			return;
		}
		response.addHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN);
		if ("OPTIONS".equals(request.getMethod())
				&& request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null) {
			answerPreflight(request, response);
			return;
		}
		String sandbox = sandboxNamed(request, path);
		if (sandbox == null || !this.tokens.valid(sandbox, request.getHeader(TOKEN_HEADER))) {
			refuse(response, sandbox);
			return;
		}
		response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, OPAQUE);
		response.setHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED_HEADERS);
		chain.doFilter(request, response);
	}

	private static boolean isStatic(String path) {
		return STATIC_ROOTS.stream().anyMatch(path::startsWith);
	}

	/** The sandbox a request acts on: its path's, else its {@code sandbox} parameter. */
	static @Nullable String sandboxNamed(HttpServletRequest request, String path) {
		if (path.startsWith(SANDBOX_PATH)) {
			String rest = path.substring(SANDBOX_PATH.length());
			int slash = rest.indexOf('/');
			String id = (slash < 0) ? rest : rest.substring(0, slash);
			return id.isEmpty() ? null : id;
		}
		String parameter = request.getParameter("sandbox");
		return (parameter == null || parameter.isEmpty()) ? null : parameter;
	}

	private static void answerPreflight(HttpServletRequest request, HttpServletResponse response) {
		String requested = request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);
		Set<String> headers = (requested == null) ? Set.of()
				: Arrays.stream(requested.split(","))
					.map((header) -> header.strip().toLowerCase(Locale.ROOT))
					.filter((header) -> !header.isEmpty())
					.collect(Collectors.toSet());
		if (!ALLOWED_HEADERS.containsAll(headers)) {
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			return;
		}
		response.setStatus(HttpServletResponse.SC_NO_CONTENT);
		response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, OPAQUE);
		response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "GET, POST, PUT, DELETE");
		if (!headers.isEmpty()) {
			response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, String.join(", ", headers));
		}
		response.setHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "600");
	}

	private void refuse(HttpServletResponse response, @Nullable String sandbox) throws IOException {
		String why = (sandbox == null) ? NAMES_NO_SANDBOX : NO_VALID_TOKEN;
		response.setStatus(HttpServletResponse.SC_FORBIDDEN);
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		this.json.writeValue(response.getWriter(), new ErrorsJson(List.of(why)));
	}

}
