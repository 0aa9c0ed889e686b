package io.trafficlab.stream;

import java.util.ArrayList;
import java.util.List;

import io.trafficlab.room.RoomRegistry;
import io.trafficlab.sandbox.Sandbox;
import io.trafficlab.sandbox.SandboxRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the stream tests that run the whole server on a random port share: its port, its
 * sandbox and room registries, and sandboxes that end after each test. Each test class
 * keeps its own {@code @SpringBootTest}, since their properties differ.
 */
abstract class RunningServer {

	@LocalServerPort
	protected int port;

	@Autowired
	protected SandboxRegistry sandboxes;

	@Autowired
	protected RoomRegistry rooms;

	private final List<Sandbox> created = new ArrayList<>();

	/**
	 * A new sandbox from {@code preset} (the default one when {@code null}), seeded by
	 * the order it was created in this test (1, 2, …); it ends after the test.
	 */
	protected Sandbox sandbox(@Nullable String preset) {
		Sandbox sandbox = this.sandboxes.createFromPreset(preset, this.created.size() + 1L);
		this.created.add(sandbox);
		return sandbox;
	}

	@AfterEach
	void endSandboxes() {
		this.created.forEach((sandbox) -> this.sandboxes.end(sandbox.id()));
	}

}
