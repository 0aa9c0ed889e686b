package io.trafficlab.sandbox;

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
		model.addAttribute("unavailable", String.valueOf(ex.getMessage()));
	}

}
