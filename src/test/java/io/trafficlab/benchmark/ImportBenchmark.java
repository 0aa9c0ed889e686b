package io.trafficlab.benchmark;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import io.trafficlab.TestManifests;
import io.trafficlab.manifest.ImportedCluster;
import io.trafficlab.manifest.ManifestImporter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The other half of {@code POST /api/v1/analyze}: reading manifests into a complete
 * cluster. N Nodes (in three zones) as YAML, a LoadBalancer Service with
 * {@code externalTrafficPolicy: Local}, and a Deployment of 10 × N replicas, which the
 * scheduler places (kube-scheduler's default spreading by hostname and zone) and the
 * EndpointSlice step turns into endpoints. Run: see README, "Benchmarks".
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ImportBenchmark extends BenchmarkRun {

	@Param({ "2500", "5000" })
	int nodes;

	private final ManifestImporter importer = new ManifestImporter();

	private byte[] manifests;

	@Setup
	public void writeManifests() {
		this.manifests = TestManifests.bigCluster(this.nodes, 10 * this.nodes, "Local")
			.getBytes(StandardCharsets.UTF_8);
	}

	@Benchmark
	public ImportedCluster importManifests() {
		return this.importer.read(new ByteArrayInputStream(this.manifests));
	}

}
