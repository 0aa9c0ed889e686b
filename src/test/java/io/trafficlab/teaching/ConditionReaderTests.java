package io.trafficlab.teaching;

import io.trafficlab.engine.balancer.ProbeProtocol;
import io.trafficlab.engine.balancer.ProbeTarget;
import io.trafficlab.engine.goal.Condition;
import io.trafficlab.engine.goal.Goal;
import io.trafficlab.engine.model.Fraction;
import io.trafficlab.engine.model.TrafficPolicy;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ConditionReaderTests {

	private static final YAMLMapper YAML = YAMLMapper.builder().build();

	@Test
	void readsEveryKind() {
		Goal goal = ConditionReader.goal(yaml("""
				- policy: Local
				- clientIpKept: true
				- maxShareRatio: 1.25
				- equalShares: true
				- healthCheck: {node: n3, passes: true}
				- readyPods: 4
				- podsOnNode: {node: n2, count: 1}
				- podShareOnNode: {node: n2, share: 1/2}
				- nodeShare: {node: n3, share: 0}
				- failedShare: 0
				- nodeReady: {node: n1, ready: true}
				"""), "the goal");

		assertThat(goal.conditions()).containsExactly(new Condition.PolicyIs(TrafficPolicy.LOCAL),
				new Condition.ClientIpKept(true), new Condition.MaxShareRatio(Fraction.of(5, 4)),
				new Condition.EqualShares(), new Condition.HealthCheckPasses("n3", true), new Condition.ReadyPods(4),
				new Condition.PodsOnNode("n2", 1), new Condition.PodShareOnNode("n2", Fraction.oneOver(2)),
				new Condition.NodeShare("n3", Fraction.ZERO), new Condition.FailedShare(Fraction.ZERO),
				new Condition.NodeReady("n1", true));
	}

	@Test
	void readyPodsMayBeALowerBound() {
		Goal goal = ConditionReader.goal(yaml("- readyPods: {atLeast: 4}\n- readyPods: 3"), "g");

		assertThat(goal.conditions()).containsExactly(new Condition.AtLeastReadyPods(4), new Condition.ReadyPods(3));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ConditionReader.goal(yaml("- readyPods: {atMost: 4}"), "g"))
			.withMessage("g, condition 1 (readyPods): expected a map with \"atLeast\"");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ConditionReader.goal(yaml("- readyPods: {atLeast: -1}"), "g"))
			.withMessage("g, condition 1 (readyPods): expected a count (0 or more), got -1");
	}

	@Test
	void probeReadsNoneOrTheFieldsToCompare() {
		Goal goal = ConditionReader.goal(yaml(
				"- probe: none\n- probe: {target: proxy-healthz, protocol: HTTP, intervalSeconds: 8, unhealthyThreshold: 3}"),
				"g");

		assertThat(goal.conditions()).containsExactly(new Condition.ProbeIs(false, null, null, null, null, null, null),
				new Condition.ProbeIs(true, ProbeTarget.PROXY_HEALTHZ, ProbeProtocol.HTTP, 8, null, null, 3));
		assertThatIllegalArgumentException().isThrownBy(() -> ConditionReader.goal(yaml("- probe: {every: 8}"), "g"))
			.withMessage("g, condition 1 (probe): unknown field \"every\", expected some of [target, protocol, "
					+ "intervalSeconds, timeoutSeconds, healthyThreshold, unhealthyThreshold]");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ConditionReader.goal(yaml("- probe: {target: healthz}"), "g"))
			.withMessageStartingWith("g, condition 1 (probe): expected ");
	}

	@Test
	void mistakesSayWhereAndWhatWasExpected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ConditionReader.goal(yaml("- shares: even"), "step 2's goal"))
			.withMessage("step 2's goal, condition 1: unknown condition \"shares\", expected one of [clientIpKept, "
					+ "equalShares, failedShare, healthCheck, maxShareRatio, nodeReady, nodeShare, podShareOnNode, "
					+ "podsOnNode, policy, probe, readyPods]");
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> ConditionReader.goal(yaml("- policy: Local\n- podShareOnNode: {node: n2, share: 1/0}"), "g"))
			.withMessage("g, condition 2 (podShareOnNode): expected a share such as 1/6, 0 or 1.25, got \"1/0\"");
		assertThatIllegalArgumentException().isThrownBy(() -> ConditionReader.goal(yaml("- policy: local"), "g"))
			.withMessage("g, condition 1 (policy): expected Cluster or Local, got \"local\"");
		assertThatIllegalArgumentException().isThrownBy(() -> ConditionReader.goal(yaml("- maxShareRatio: 0.5"), "g"))
			.withMessageContaining("below 1 can never hold");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ConditionReader.goal(yaml("- healthCheck: {node: n3}"), "g"))
			.withMessage("g, condition 1 (healthCheck): expected a map with \"passes\"");
		assertThatIllegalArgumentException().isThrownBy(() -> ConditionReader.goal(yaml("[]"), "g"))
			.withMessage("g must be a non-empty list of conditions");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> ConditionReader.goal(yaml("- {policy: Local, readyPods: 2}"), "g"))
			.withMessageContaining("must be a map with one key");
	}

	private static JsonNode yaml(String text) {
		return YAML.readTree(text);
	}

}
