package io.trafficlab.engine.cluster;

import java.util.Map;

import io.trafficlab.engine.model.Pod;

import org.jspecify.annotations.Nullable;

/**
 * A pod while the assembler places and addresses it.
 */
final class PodDraft {

	final String namespace;

	final String name;

	final Map<String, String> labels;

	@Nullable String nodeName;

	@Nullable String ip;

	/** Whether a running pod is Ready (for pods the sandbox runs, always). */
	private final boolean readyWhenRunning;

	final boolean terminating;

	/** Succeeded or Failed: never an endpoint. */
	final boolean finished;

	/**
	 * Whether the sandbox gives it an IP once it has a node (it was not observed in a
	 * real cluster).
	 */
	final boolean sandboxManaged;

	PodDraft(String namespace, String name, Map<String, String> labels, @Nullable String nodeName, @Nullable String ip,
			boolean readyWhenRunning, boolean terminating, boolean finished, boolean sandboxManaged) {
		this.namespace = namespace;
		this.name = name;
		this.labels = Map.copyOf(labels);
		this.nodeName = nodeName;
		this.ip = ip;
		this.readyWhenRunning = readyWhenRunning;
		this.terminating = terminating;
		this.finished = finished;
		this.sandboxManaged = sandboxManaged;
	}

	boolean ready() {
		return this.readyWhenRunning && this.nodeName != null && this.ip != null && !this.finished;
	}

	Pod toPod() {
		return new Pod(this.namespace, this.name, this.labels, this.nodeName, this.ip, ready(), this.terminating);
	}

}
