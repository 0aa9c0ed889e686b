package io.trafficlab.system;

import java.util.EnumMap;
import java.util.Map;

import io.trafficlab.engine.rules.RulesMode;
import io.trafficlab.engine.rules.RulesWalker;
import io.trafficlab.engine.rules.RulesWriter;

/**
 * The one place that maps kube-proxy's {@code --proxy-mode} to the writer of its rules
 * and the walker that interprets them.
 */
public final class RulesProxiers {

	private final Map<RulesMode, RulesWriter> writers;

	private final Map<RulesMode, RulesWalker> walkers;

	public RulesProxiers(Map<RulesMode, RulesWriter> writers, Map<RulesMode, RulesWalker> walkers) {
		this.writers = new EnumMap<>(writers);
		this.walkers = new EnumMap<>(walkers);
	}

	/**
	 * @throws IllegalStateException when no writer for {@code mode} is wired in
	 */
	public RulesWriter writer(RulesMode mode) {
		RulesWriter writer = this.writers.get(mode);
		if (writer == null) {
			throw new IllegalStateException("No rules writer for mode " + mode.apiName());
		}
		return writer;
	}

	/**
	 * @throws IllegalStateException when no walker for {@code mode} is wired in
	 */
	public RulesWalker walker(RulesMode mode) {
		RulesWalker walker = this.walkers.get(mode);
		if (walker == null) {
			throw new IllegalStateException("No rules walker for mode " + mode.apiName());
		}
		return walker;
	}

}
