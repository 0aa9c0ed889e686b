package io.trafficlab.engine.rules;

/**
 * A rule a packet matched on its way through a node's rules.
 *
 * @param chain the chain the rule is in
 * @param rule the rule, as {@link RuleChain#rules()} spells it
 */
public record MatchedRule(String chain, String rule) {
}
