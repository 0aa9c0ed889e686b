package io.trafficlab.sandbox;

import java.time.Duration;

import io.trafficlab.system.ClientRequests;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.ui.Model;

/**
 * A page whose sandbox could not start still renders: with the refusal's status, and its
 * message as the model attribute {@code unavailable}, which the page shows as a notice
 * where the sandbox would be.
 */
public final class SandboxUnavailable {

	private SandboxUnavailable() {
	}

	public static void show(SandboxRequestException ex, Model model, HttpServletResponse response) {
		response.setStatus(ex.status().value());
		Duration retryAfter = ex.retryAfter();
		if (retryAfter != null) {
			ClientRequests.retryAfter(response, retryAfter);
		}
		model.addAttribute("unavailable", String.valueOf(ex.getMessage()));
	}

}
