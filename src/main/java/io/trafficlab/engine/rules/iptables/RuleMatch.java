package io.trafficlab.engine.rules.iptables;

/** One match of a rule, tested against the packet as the walk has it so far. */
interface RuleMatch {

	boolean test(WalkState state);

}
