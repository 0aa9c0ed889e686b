package io.trafficlab.system;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The HTTP request being served on this thread, for limits that apply per client wherever
 * the request enters (a page, the API, a lesson step).
 */
public final class ClientRequests {

	private ClientRequests() {
	}

	/**
	 * The client of the current HTTP request, by remote address (an IPv6 address by its
	 * /64, which one host usually holds whole); empty outside a request.
	 */
	public static Optional<String> currentClient() {
		return current().map((attributes) -> clientOf(attributes.getRequest()));
	}

	/** Sets {@code Retry-After} (whole seconds) on the current response, if any. */
	public static void retryAfter(Duration wait) {
		current().map(ServletRequestAttributes::getResponse).ifPresent((response) -> retryAfter(response, wait));
	}

	public static void retryAfter(HttpServletResponse response, Duration wait) {
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.toSeconds())));
	}

	/**
	 * The client a request comes from: its remote address, an IPv6 address by its /64.
	 */
	public static String clientOf(HttpServletRequest request) {
		String address = String.valueOf(request.getRemoteAddr());
		if (address.indexOf(':') < 0) {
			return address;
		}
		try {
			// A literal address: no name lookup happens
			byte[] bytes = InetAddress.getByName(address).getAddress();
			if (bytes.length != 16) {
				return address;
			}
			StringBuilder prefix = new StringBuilder();
			for (int i = 0; i < 8; i += 2) {
				prefix.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
			}
			return prefix.append(":/64").toString();
		}
		catch (UnknownHostException ex) {
			return address;
		}
	}

	private static Optional<ServletRequestAttributes> current() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		return (attributes instanceof ServletRequestAttributes servlet) ? Optional.of(servlet) : Optional.empty();
	}

}
