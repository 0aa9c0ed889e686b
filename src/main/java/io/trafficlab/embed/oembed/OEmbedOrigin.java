package io.trafficlab.embed.oembed;

import java.net.URI;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where this application is reached, as the request says: its scheme, host and port (the
 * proxy's forwarded ones when {@code server.forward-headers-strategy} is set, since the
 * container then reports those) and its context path.
 *
 * @param scheme {@code http} or {@code https}, lower case
 * @param host the host name or bracketed IPv6 address, lower case
 * @param port the port, never {@code -1}
 * @param contextPath the context path, empty at the root
 */
record OEmbedOrigin(String scheme, String host, int port, String contextPath) {

	static OEmbedOrigin of(HttpServletRequest request) {
		return new OEmbedOrigin(request.getScheme().toLowerCase(Locale.ROOT), bracketed(request.getServerName()),
				request.getServerPort(), request.getContextPath());
	}

	/** The application's root URL, with its trailing slash. */
	String root() {
		return base() + "/";
	}

	/** The absolute URL of a path from the application's root ({@code /embed?…}). */
	String absolute(String path) {
		return base() + path;
	}

	/**
	 * Whether the URL is one of ours: the same scheme, host and port (a default port
	 * written or not), under the context path.
	 */
	boolean owns(URI url) {
		if (url.getScheme() == null || url.getRawAuthority() == null || url.getHost() == null
				|| url.getRawUserInfo() != null) {
			return false;
		}
		String scheme = url.getScheme().toLowerCase(Locale.ROOT);
		int port = (url.getPort() != -1) ? url.getPort() : defaultPort(scheme);
		return scheme.equals(this.scheme) && bracketed(url.getHost()).equals(this.host) && port == this.port
				&& underContextPath((url.getRawPath() == null) ? "" : url.getRawPath());
	}

	/** The URL's path from the application's root: {@code /} for the root itself. */
	String pathOf(URI url) {
		String path = (url.getRawPath() == null) ? "" : url.getRawPath();
		String own = path.startsWith(this.contextPath) ? path.substring(this.contextPath.length()) : path;
		return own.isEmpty() ? "/" : own;
	}

	private boolean underContextPath(String path) {
		return this.contextPath.isEmpty() || path.equals(this.contextPath) || path.startsWith(this.contextPath + "/");
	}

	private String base() {
		boolean defaultPort = this.port == defaultPort(this.scheme);
		return this.scheme + "://" + this.host + (defaultPort ? "" : ":" + this.port) + this.contextPath;
	}

	/** 443 for https, else 80: the request's scheme is http or https. */
	private static int defaultPort(String scheme) {
		return scheme.equals("https") ? 443 : 80;
	}

	private static String bracketed(String host) {
		String lower = host.toLowerCase(Locale.ROOT);
		return (lower.indexOf(':') >= 0 && !lower.startsWith("[")) ? "[" + lower + "]" : lower;
	}

}
