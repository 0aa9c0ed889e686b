package io.trafficlab.teaching;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import io.trafficlab.engine.balancer.Dataplane;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.model.TrafficPolicy;
import io.trafficlab.engine.net.NetworkModel;
import io.trafficlab.engine.simulation.SimulationCommand;
import io.trafficlab.manifest.ManifestImporter;
import io.trafficlab.teaching.LessonCatalog.LessonSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LessonCatalogTests {

	private static final StepStates STATES = new StepStates(LessonCatalogTests::preset, new ManifestImporter());

	private static final String GOOD = """
			id: small
			title: A small lesson
			summary: Two pods.
			steps:
			  - title: First
			    text: |
			      Look at `n3`.

			      - one
			      - two
			    sandbox:
			      preset: two-pods-three-nodes
			      externalTrafficPolicy: Cluster
			      lb: weighted
			      clientRate: 20
			      speed: 2
			      seed: 7
			      paused: true
			    curl: {node: n3}
			    questions:
			      - prompt: Which?
			        choices:
			          - text: This
			            correct: true
			          - text: That
			        reveal:
			          - externalTrafficPolicy: Local
			          - movePod: {pod: web-1, node: n2}
			        explanation: Because.
			        expect:
			          - policy: Local
			        settle: 5
			""";

	@Test
	void readsEveryFieldOfAStep() {
		LessonCatalog catalog = read("01-small.yaml", GOOD);

		Lesson lesson = catalog.find("small").orElseThrow();
		LessonStep step = lesson.step(1);
		assertThat(step.sandbox()).isEqualTo(new StepSandbox("two-pods-three-nodes", null, TrafficPolicy.CLUSTER,
				io.trafficlab.engine.balancer.LoadBalancerModel.WEIGHTED, LoadBalancerKind.AWS_NLB_INSTANCE,
				Dataplane.KUBE_PROXY, 20, 2, 7, true));
		assertThat(step.curlNode()).isEqualTo("n3");
		assertThat(step.text().blocks()).hasSize(2);
		Question question = step.questions().get(0);
		assertThat(question.correctChoice()).isEqualTo(1);
		assertThat(question.reveal()).containsExactly(
				new SimulationCommand.SetExternalTrafficPolicy(TrafficPolicy.LOCAL),
				new SimulationCommand.MovePod("web-1", "n2"));
		assertThat(question.settleSeconds()).isEqualTo(5);
		StepStart start = catalog.start(lesson, 1);
		assertThat(start.settings().seed()).isEqualTo(7);
		assertThat(start.settings().connectionsPerSecond()).isEqualTo(20);
		assertThat(start.simulation().cluster().services().get(0).externalPolicyLocal()).isFalse();
	}

	@Test
	void ordersLessonsByFileName() {
		LessonCatalog catalog = LessonCatalog
			.read(List.of(new LessonSource("02-b.yaml", GOOD.replace("id: small", "id: b")),
					new LessonSource("01-a.yaml", GOOD.replace("id: small", "id: a"))), STATES);

		assertThat(catalog.all()).extracting(Lesson::id).containsExactly("a", "b");
		assertThat(catalog.next(catalog.all().get(0))).map(Lesson::id).contains("b");
	}

	@Test
	void yamlSyntaxErrorsNameTheFileAndLine() {
		assertThatThrownBy(() -> read("03-broken.yaml", "id: x\ntitle: [unclosed\n"))
			.isInstanceOf(LessonFileException.class)
			.hasMessageStartingWith("Lesson file 03-broken.yaml, line ");
	}

	@Test
	void unknownFieldsNameTheStepAndTheFieldsAllowed() {
		assertThatThrownBy(() -> read("x.yaml", GOOD.replace("    text: |", "    txt: |"))).hasMessage(
				"Lesson file x.yaml: step 1: unknown field \"txt\", expected one of [curl, questions, sandbox, sources, "
						+ "text, title]");
	}

	@Test
	void aQuestionNeedsExactlyOneCorrectChoice() {
		assertThatThrownBy(
				() -> read("x.yaml", GOOD.replace("- text: That", "- text: That\n            correct: true")))
			.hasMessage(
					"Lesson file x.yaml: step 1, question 1 has 2 choices marked \"correct: true\"; exactly one must be");
		assertThatThrownBy(() -> read("x.yaml", GOOD.replace("            correct: true\n", "")))
			.hasMessageContaining("step 1, question 1 has 0 choices marked");
	}

	@Test
	void badConditionsAndCommandsSayWhereAndWhatIsExpected() {
		assertThatThrownBy(() -> read("x.yaml", GOOD.replace("- policy: Local", "- shares: 1"))).hasMessageStartingWith(
				"Lesson file x.yaml: step 1, question 1's expect, condition 1: unknown condition \"shares\"");
		assertThatThrownBy(() -> read("x.yaml", GOOD.replace("- externalTrafficPolicy: Local", "- teleport: n3")))
			.hasMessageStartingWith(
					"Lesson file x.yaml: step 1, question 1's reveal, command 1: unknown command \"teleport\"");
		assertThatThrownBy(() -> read("x.yaml", GOOD.replace("- externalTrafficPolicy: Local", "- scale: many")))
			.hasMessage(
					"Lesson file x.yaml: step 1, question 1's reveal, command 1 (scale): expected a count (0 or more), got \"many\"");
	}

	@Test
	void aStepStartsWithTheLoadBalancerAndDataplaneItNames() {
		LessonCatalog catalog = read("01-small.yaml",
				GOOD.replace("      lb: weighted\n", "      loadBalancer: metallb-l2\n      dataplane: cilium-dsr\n"));

		Lesson lesson = catalog.find("small").orElseThrow();
		assertThat(lesson.step(1).sandbox().loadBalancer()).isEqualTo(LoadBalancerKind.METALLB_L2);
		assertThat(catalog.start(lesson, 1).settings().kind()).isEqualTo(LoadBalancerKind.METALLB_L2);
		assertThat(catalog.start(lesson, 1).settings().dataplane()).isEqualTo(Dataplane.CILIUM_DSR);
		assertThat(catalog.start(lesson, 1).simulation().settings().kind()).isEqualTo(LoadBalancerKind.METALLB_L2);
	}

	@Test
	void anUnknownLoadBalancerOrDataplaneNamesTheIdsAllowed() {
		assertThatThrownBy(() -> read("x.yaml", GOOD.replace("lb: weighted", "loadBalancer: f5")))
			.hasMessageStartingWith("Lesson file x.yaml: step 1's sandbox (loadBalancer): expected ")
			.hasMessageContaining("aws-nlb-instance")
			.hasMessageContaining("metallb-l2")
			.hasMessageEndingWith("got \"f5\"");
		assertThatThrownBy(() -> read("x.yaml", GOOD.replace("lb: weighted", "dataplane: calico")))
			.hasMessageStartingWith("Lesson file x.yaml: step 1's sandbox (dataplane): expected ")
			.hasMessageContaining("cilium-dsr");
		assertThatThrownBy(() -> read("x.yaml", GOOD.replace("- externalTrafficPolicy: Local", "- loadBalancer: f5")))
			.hasMessageStartingWith(
					"Lesson file x.yaml: step 1, question 1's reveal, command 1 (loadBalancer): " + "expected ");
	}

	@Test
	void aStepSandboxCannotUseALoadBalancerTheSimulationDoesNotModel() {
		String kind = java.util.Arrays.stream(LoadBalancerKind.values())
			.filter((candidate) -> !io.trafficlab.engine.simulation.SimulatedBalancers.MODELLED.contains(candidate))
			.findFirst()
			.orElseThrow()
			.apiName();
		assertThatThrownBy(() -> read("x.yaml", GOOD.replace("lb: weighted", "loadBalancer: " + kind)))
			.hasMessageStartingWith("Lesson file x.yaml, step 1's sandbox: The sandbox models ")
			.hasMessageContaining("not " + kind);
	}

	@Test
	void aQuestionCanBeProvenInTheAnalyzerWithAnotherLoadBalancer() {
		LessonCatalog catalog = read("01-small.yaml", GOOD.replace("        explanation: Because.\n",
				"        explanation: Because.\n        analyzer: {example: uneven-3-1-0, loadBalancer: aws-clb}\n"));

		Question question = catalog.find("small").orElseThrow().step(1).questions().get(0);
		assertThat(question.analyzer())
			.isEqualTo(new AnalyzerLink("uneven-3-1-0", LoadBalancerKind.AWS_CLB, Dataplane.KUBE_PROXY));
		assertThat(question.analyzer().href()).isEqualTo("/analyze?example=uneven-3-1-0&loadBalancer=aws-clb");
		assertThat(new AnalyzerLink("uneven-3-1-0-cluster", LoadBalancerKind.METALLB_L2, Dataplane.CILIUM_DSR).href())
			.isEqualTo("/analyze?example=uneven-3-1-0-cluster&loadBalancer=metallb-l2&dataplane=cilium-dsr");
		assertThatThrownBy(() -> read("x.yaml",
				GOOD.replace("        explanation: Because.\n",
						"        explanation: Because.\n        analyzer: {example: uneven-3-1-0}\n")))
			.hasMessage("Lesson file x.yaml: step 1, question 1's analyzer needs \"loadBalancer\": the load "
					+ "balancer to analyze with");
	}

	@Test
	void anAnalyzerLinkCanNameThePodNetwork() {
		LessonCatalog catalog = read("01-small.yaml", GOOD.replace("        explanation: Because.\n",
				"        explanation: Because.\n        analyzer: {example: uneven-3-1-0, loadBalancer: aws-clb, "
						+ "network: overlay}\n"));

		AnalyzerLink link = catalog.find("small").orElseThrow().step(1).questions().get(0).analyzer();
		assertThat(link).isEqualTo(
				new AnalyzerLink("uneven-3-1-0", LoadBalancerKind.AWS_CLB, Dataplane.KUBE_PROXY, NetworkModel.OVERLAY));
		assertThat(link.href()).isEqualTo("/analyze?example=uneven-3-1-0&loadBalancer=aws-clb&network=overlay");
		assertThat(link.label()).isEqualTo("AWS Classic ELB on the overlay network");
		assertThat(new AnalyzerLink("uneven-3-1-0", LoadBalancerKind.METALLB_L2, Dataplane.CILIUM_DSR, NetworkModel.VPC)
			.href())
			.isEqualTo("/analyze?example=uneven-3-1-0&loadBalancer=metallb-l2&dataplane=cilium-dsr&network=vpc");
		assertThat(new AnalyzerLink("uneven-3-1-0", LoadBalancerKind.AWS_CLB, Dataplane.KUBE_PROXY, NetworkModel.BRIDGE)
			.href()).isEqualTo("/analyze?example=uneven-3-1-0&loadBalancer=aws-clb");
		assertThatThrownBy(() -> read("x.yaml", GOOD.replace("        explanation: Because.\n",
				"        explanation: Because.\n        analyzer: {example: uneven-3-1-0, loadBalancer: aws-clb, "
						+ "network: calico}\n")))
			.hasMessage("Lesson file x.yaml: step 1, question 1's analyzer (network): expected bridge, overlay or vpc, "
					+ "got \"calico\"");
	}

	@Test
	void aBrokenSandboxStateNamesTheStep() {
		assertThatThrownBy(() -> read("x.yaml", GOOD.replace("preset: two-pods-three-nodes", "preset: nope")))
			.hasMessageStartingWith("Lesson file x.yaml, step 1's sandbox: unknown preset \"nope\"");
		assertThatThrownBy(() -> read("x.yaml", GOOD.replace("lb: weighted", "lb: random")))
			.hasMessage("Lesson file x.yaml: step 1's sandbox (lb): expected even or weighted, got \"random\"");
		assertThatThrownBy(() -> read("x.yaml", GOOD.replace("speed: 2", "speed: 500")))
			.hasMessage("Lesson file x.yaml: step 1's sandbox (speed): expected 0.1 to 50, got 500");
		assertThatThrownBy(() -> read("x.yaml", GOOD.replace("curl: {node: n3}", "curl: {node: n9}")))
			.hasMessage("Lesson file x.yaml, step 1: curl names node \"n9\", but the sandbox has only [n1, n2, n3]");
	}

	@Test
	void inlineManifestsThatDoNotReadNameTheStep() {
		String inline = GOOD.replace("preset: two-pods-three-nodes",
				"manifests: |\n        kind: Service\n        spec: [");
		assertThatThrownBy(() -> read("x.yaml", inline))
			.hasMessageStartingWith("Lesson file x.yaml, step 1's sandbox: the manifests do not read: ");
	}

	@Test
	void idsAreUniqueAndUrlSafe() {
		assertThatThrownBy(() -> LessonCatalog
			.read(List.of(new LessonSource("01-a.yaml", GOOD), new LessonSource("02-b.yaml", GOOD)), STATES))
			.hasMessage("Lesson file 02-b.yaml: the id \"small\" is already used by 01-a.yaml");
		assertThatThrownBy(() -> read("x.yaml", GOOD.replace("id: small", "id: Small Lesson"))).hasMessageContaining(
				"the lesson's id \"Small Lesson\" must be lower-case letters, digits and single hyphens");
	}

	private static LessonCatalog read(String file, String content) {
		return LessonCatalog.read(List.of(new LessonSource(file, content)), STATES);
	}

	private static Optional<String> preset(String name) {
		try (InputStream in = LessonCatalogTests.class.getResourceAsStream("/presets/" + name + ".yaml")) {
			return (in != null) ? Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8)) : Optional.empty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
