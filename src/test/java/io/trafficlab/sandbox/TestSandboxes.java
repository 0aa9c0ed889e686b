package io.trafficlab.sandbox;

import java.time.Clock;

import io.trafficlab.manifest.ManifestImporter;

import org.springframework.context.ApplicationEventPublisher;

/**
 * A registry without Spring, for tests of other packages.
 */
public final class TestSandboxes {

	private TestSandboxes() {
	}

	/**
	 * A registry with the default properties, the system clock, and nobody listening to
	 * its events.
	 */
	public static SandboxRegistry registry() {
		return registry(Clock.systemUTC(), (event) -> {
		});
	}

	/**
	 * A registry with the default properties, measuring idleness on {@code clock},
	 * telling {@code events}.
	 */
	public static SandboxRegistry registry(Clock clock, ApplicationEventPublisher events) {
		return new SandboxRegistry(SandboxProperties.defaults(), new PresetCatalog(),
				new ClusterReader(new ManifestImporter()), clock, events);
	}

	/** The bundled presets. */
	public static PresetCatalog presets() {
		return new PresetCatalog();
	}

}
