package io.trafficlab.api;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.trafficlab.engine.rules.RulesMode;
import io.trafficlab.engine.rules.RulesWalker;
import io.trafficlab.engine.rules.RulesWriter;
import io.trafficlab.system.RulesProxier;

import org.springframework.stereotype.Component;

/**
 * The one place that maps a {@link RulesMode} to its writer and walker, collected from
 * the {@link RulesProxier} beans: a proxier plugs in by declaring its bean. A mode
 * without one answers {@code 501}. The sandbox's rules endpoints use it too.
 */
@Component
public class RulesProxiers {

	private final Map<RulesMode, RulesWriter> writers = new EnumMap<>(RulesMode.class);

	private final Map<RulesMode, RulesWalker> walkers = new EnumMap<>(RulesMode.class);

	RulesProxiers(List<RulesProxier> proxiers) {
		for (RulesProxier proxier : proxiers) {
			this.writers.put(proxier.mode(), proxier.writer());
			this.walkers.put(proxier.mode(), proxier.walker());
		}
	}

	public RulesWriter writer(RulesMode mode) {
		RulesWriter writer = this.writers.get(mode);
		if (writer == null) {
			throw new RulesModeNotImplementedException(mode);
		}
		return writer;
	}

	public RulesWalker walker(RulesMode mode) {
		RulesWalker walker = this.walkers.get(mode);
		if (walker == null) {
			throw new RulesModeNotImplementedException(mode);
		}
		return walker;
	}

}
