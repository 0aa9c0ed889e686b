package io.trafficlab.sandbox;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;

/**
 * How a page gets its sandbox: the server renders the page without one, and the page's
 * script creates it with a POST, so a crawler or a script that only reads the page starts
 * nothing. Until the sandbox exists, the page's requests name it {@value #PENDING}; the
 * script holds them back and then sends them to the new sandbox.
 */
public final class SandboxPageCreation {

	/** The sandbox id a page's requests carry before its sandbox exists. */
	public static final String PENDING = "pending";

	private SandboxPageCreation() {
	}

	/**
	 * The manifests a shared link starts from, for the page to show before its sandbox
	 * exists.
	 * @throws SandboxRequestException (400) when the link is broken
	 */
	public static String sharedManifests(String link) {
		return PermalinkCodec.decode(link).manifests();
	}

	/**
	 * The model of a page whose script creates its sandbox: the {@code preset} it shows
	 * until then, where the script posts ({@code create}), and the {@value #PENDING} id
	 * the page's requests carry meanwhile.
	 */
	public static void addPending(Model model, Preset preset, String create) {
		model.addAttribute("preset", preset);
		model.addAttribute("create", create);
		model.addAttribute("sandboxId", PENDING);
	}

	/** The creation API's answer: 201, where the snapshot is, and the stream's topics. */
	public static ResponseEntity<SandboxCreatedJson> created(Sandbox sandbox) {
		SandboxCreatedJson created = SandboxCreatedJson.of(sandbox.id(), sandbox.preset());
		return ResponseEntity.created(URI.create(created.snapshotUrl())).body(created);
	}

}
