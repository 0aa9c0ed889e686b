package io.trafficlab.browser;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A docs page on another site: serves the HTML a test gives it from its own server, on
 * {@code 127.0.0.1} and a port of its own, so a page framing Traffic Lab (reached as
 * {@code localhost}) is cross-origin to it, as a real docs platform is. Close it after
 * the test.
 */
final class HostPage implements AutoCloseable {

	private final HttpServer server;

	private final Map<String, String> pages = new ConcurrentHashMap<>();

	private HostPage(HttpServer server) {
		this.server = server;
	}

	static HostPage start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			HostPage host = new HostPage(server);
			server.createContext("/", host::answer);
			server.start();
			return host;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Serves {@code html} at {@code path} and returns the page's full URL. */
	String serve(String path, String html) {
		this.pages.put(path, html);
		return origin() + path;
	}

	/** This host's origin, e.g. {@code http://127.0.0.1:40123}. */
	String origin() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	private void answer(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		if (path.equals("/favicon.ico")) {
			// A page's favicon request would log a failed load in the console
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
			return;
		}
		String html = this.pages.get(path);
		byte[] body = (html != null ? html : "not found").getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
		exchange.sendResponseHeaders(html != null ? 200 : 404, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
