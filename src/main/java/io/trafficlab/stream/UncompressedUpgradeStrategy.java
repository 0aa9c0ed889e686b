package io.trafficlab.stream;

import java.security.Principal;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.jspecify.annotations.Nullable;

import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.socket.WebSocketExtension;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeFailureException;
import org.springframework.web.socket.server.standard.StandardWebSocketUpgradeStrategy;

/**
 * Upgrades to WebSocket without negotiating any extension, so without
 * {@code permessage-deflate}, which every browser offers.
 *
 * <p>
 * Tomcat negotiates extensions itself from the request's {@code Sec-WebSocket-Extensions}
 * header, whatever Spring selected, and would compress each browser's copy of every
 * message separately on the sending thread. Hiding the header from the upgrade is the one
 * way to refuse: the browser then reads plain frames, as RFC 7692 allows.
 */
final class UncompressedUpgradeStrategy extends StandardWebSocketUpgradeStrategy {

	private static final String EXTENSIONS = "Sec-WebSocket-Extensions";

	@Override
	public List<WebSocketExtension> getSupportedExtensions(ServerHttpRequest request) {
		return List.of();
	}

	@Override
	public void upgrade(ServerHttpRequest request, ServerHttpResponse response, @Nullable String selectedProtocol,
			List<WebSocketExtension> selectedExtensions, @Nullable Principal user, WebSocketHandler wsHandler,
			Map<String, Object> attrs) throws HandshakeFailureException {
		HttpServletRequest withoutOffers = new WithoutExtensionOffers(getHttpServletRequest(request));
		super.upgrade(new ServletServerHttpRequest(withoutOffers), response, selectedProtocol, List.of(), user,
				wsHandler, attrs);
	}

	/** The upgrade request as if the browser had offered no extension. */
	private static final class WithoutExtensionOffers extends HttpServletRequestWrapper {

		WithoutExtensionOffers(HttpServletRequest request) {
			super(request);
		}

		@Override
		public @Nullable String getHeader(String name) {
			return EXTENSIONS.equalsIgnoreCase(name) ? null : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return EXTENSIONS.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
		}

		@Override
		public Enumeration<String> getHeaderNames() {
			List<String> names = Collections.list(super.getHeaderNames());
			names.removeIf(EXTENSIONS::equalsIgnoreCase);
			return Collections.enumeration(names);
		}

	}

}
