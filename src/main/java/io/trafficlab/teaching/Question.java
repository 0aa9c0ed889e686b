package io.trafficlab.teaching;

import java.util.List;

import io.trafficlab.engine.goal.Goal;
import io.trafficlab.engine.simulation.SimulationCommand;
import org.jspecify.annotations.Nullable;

/**
 * A "predict, then reveal" question: the learner picks a choice, then the reveal is
 * applied to the step's sandbox and the explanation is shown.
 *
 * @param prompt the question
 * @param choices the choices, exactly one of them correct
 * @param reveal the commands applied to the sandbox once the learner has answered, in
 * order
 * @param explanation why the correct choice is right
 * @param expect the facts the explanation relies on, true of the sandbox after the reveal
 * once it has settled
 * @param settleSeconds simulated seconds after the reveal by which {@code expect} holds
 * (pods starting or terminating)
 * @param curlNode a node whose health-check answer the explanation shows, or {@code null}
 * @param analyzer for a load balancer the sandbox does not simulate: the analyzer
 * {@code expect} is checked against (the step's cluster after the reveal, analyzed with
 * that load balancer), linked from the explanation; {@code null} when {@code expect} is
 * about the sandbox itself
 * @param showRules the node and mode the Rules panel opens on after the answer, or
 * {@code null}; the explanation's rule excerpts ({@code `-j KUBE-MARK-MASQ`}) are that
 * node's rules after the reveal
 */
public record Question(RichText prompt, List<Choice> choices, List<SimulationCommand> reveal, RichText explanation,
		Goal expect, int settleSeconds, @Nullable String curlNode, @Nullable AnalyzerLink analyzer,
		@Nullable RulesReveal showRules) {

	public Question {
		choices = List.copyOf(choices);
		reveal = List.copyOf(reveal);
	}

	/** The correct choice, 1-based. */
	public int correctChoice() {
		for (int i = 0; i < this.choices.size(); i++) {
			if (this.choices.get(i).correct()) {
				return i + 1;
			}
		}
		throw new IllegalStateException("A question without a correct choice: " + this.prompt.plain());
	}

	/**
	 * One answer the learner may pick.
	 *
	 * @param text the choice, with inline markup
	 * @param correct whether it is the right one
	 */
	public record Choice(RichText text, boolean correct) {
	}

}
