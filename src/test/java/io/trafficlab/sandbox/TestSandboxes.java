package io.trafficlab.sandbox;

import java.time.Clock;

import io.trafficlab.manifest.ManifestImporter;

/**
 * A registry without Spring, for tests of other packages.
 */
public final class TestSandboxes {

	private TestSandboxes() {
	}

	/** A registry with the default properties, the system clock, and nobody listening to its events. */
	public static SandboxRegistry registry() {
		return new SandboxRegistry(SandboxProperties.defaults(), new PresetCatalog(),
				new ClusterReader(new ManifestImporter()), Clock.systemUTC(), (event) -> {
				});
	}

	/** The bundled presets. */
	public static PresetCatalog presets() {
		return new PresetCatalog();
	}

}
