package io.trafficlab.lesson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.trafficlab.engine.analysis.AnalysisOptions;
import io.trafficlab.engine.analysis.ClusterAnalyzer;
import io.trafficlab.engine.analysis.EndpointAnalysis;
import io.trafficlab.engine.balancer.LoadBalancerModel;
import io.trafficlab.engine.analysis.NodeAnalysis;
import io.trafficlab.engine.analysis.ServiceAnalysis;
import io.trafficlab.engine.goal.GoalReport;
import io.trafficlab.engine.goal.GoalSubject;
import io.trafficlab.engine.model.Cluster;
import io.trafficlab.engine.model.Fraction;
import io.trafficlab.engine.model.Node;
import io.trafficlab.engine.model.Pod;
import io.trafficlab.engine.model.Service;
import io.trafficlab.engine.net.NetworkModel;
import io.trafficlab.engine.proxy.ProxyMode;
import io.trafficlab.engine.rules.RulesScope;
import io.trafficlab.engine.rules.RulesWriter;
import io.trafficlab.engine.rules.iptables.IptablesWriter;
import io.trafficlab.engine.rules.nftables.NftablesWriter;
import io.trafficlab.engine.simulation.EventSink;
import io.trafficlab.engine.simulation.Simulation;
import io.trafficlab.engine.simulation.SimulationCommand;
import io.trafficlab.engine.simulation.SimulationEvent;
import io.trafficlab.engine.simulation.SimulationSettings;
import io.trafficlab.engine.simulation.SimulationSnapshot;
import io.trafficlab.manifest.ManifestImporter;
import io.trafficlab.sandbox.Preset;
import io.trafficlab.sandbox.TestSandboxes;
import io.trafficlab.teaching.AnalyzerLink;
import io.trafficlab.teaching.Lesson;
import io.trafficlab.teaching.LessonCatalog;
import io.trafficlab.teaching.LessonStep;
import io.trafficlab.teaching.Question;
import io.trafficlab.teaching.RichText;
import io.trafficlab.teaching.RulesReveal;
import io.trafficlab.teaching.StepStates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundled lessons are valid and their claims are true: every step's sandbox starts,
 * every reveal applies, and every question's {@code expect} holds in the engine after its
 * reveal; every fraction and address a step states is one the engine computes for that
 * step.
 */
class BundledLessonsTests {

	private static final Pattern FRACTION = Pattern.compile("(?<![\\d/])(\\d+)/(\\d+)(?![\\d/])");

	private static final Pattern ADDRESS = Pattern.compile("\\b\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\b");

	static final LessonCatalog CATALOG = LessonCatalog.read(LessonConfiguration.bundled(), new StepStates(
			(name) -> TestSandboxes.presets().find(name).map(Preset::manifests), new ManifestImporter()));

	record QuestionCase(Lesson lesson, int step, int question) {

		Question get() {
			return this.lesson.step(this.step).questions().get(this.question - 1);
		}

		@Override
		public String toString() {
			return this.lesson.id() + " step " + this.step + " question " + this.question;
		}

	}

	record StepCase(Lesson lesson, int step) {

		@Override
		public String toString() {
			return this.lesson.id() + " step " + this.step;
		}

	}

	static Stream<QuestionCase> questions() {
		return CATALOG.all().stream().flatMap((lesson) -> {
			List<QuestionCase> cases = new ArrayList<>();
			for (int step = 1; step <= lesson.steps().size(); step++) {
				for (int q = 1; q <= lesson.step(step).questions().size(); q++) {
					cases.add(new QuestionCase(lesson, step, q));
				}
			}
			return cases.stream();
		});
	}

	static Stream<StepCase> steps() {
		return CATALOG.all().stream().flatMap((lesson) -> {
			List<StepCase> cases = new ArrayList<>();
			for (int step = 1; step <= lesson.steps().size(); step++) {
				cases.add(new StepCase(lesson, step));
			}
			return cases.stream();
		});
	}

	@Test
	void theSixLessonsLoadInOrder() {
		assertThat(CATALOG.all()).extracting(Lesson::id)
			.containsExactly("cluster-client-ip", "local-health-check", "uneven-distribution", "fixing-uneven-load",
					"rolling-update-local", "which-load-balancer");
	}

	@Test
	void everyLessonHasThreeToSixStepsAndAtLeastOnePrediction() {
		for (Lesson lesson : CATALOG.all()) {
			assertThat(lesson.steps()).as(lesson.id()).hasSizeBetween(3, 6);
			assertThat(lesson.steps().stream().mapToInt((step) -> step.questions().size()).sum()).as(lesson.id())
				.isPositive();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("questions")
	void everyQuestionHasExactlyOneCorrectChoice(QuestionCase question) {
		assertThat(question.get().choices()).filteredOn(Question.Choice::correct).hasSize(1);
		assertThat(question.get().correctChoice()).isBetween(1, question.get().choices().size());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("questions")
	void everyExpectHoldsAfterTheReveal(QuestionCase question) {
		Simulation simulation = afterReveal(question);
		for (GoalSubject subject : subjects(question, simulation)) {
			GoalReport report = question.get().expect().check(subject);
			assertThat(report.lines()).allSatisfy((line) -> assertThat(line.verdict().holds())
				.as("%s: %s (%s)", question, line.condition(), line.verdict().detail())
				.isTrue());
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("questions")
	void aQuestionProvenInTheAnalyzerLinksAnExampleWithTheStepsCluster(QuestionCase question) {
		AnalyzerLink link = question.get().analyzer();
		if (link == null) {
			return;
		}
		Simulation after = afterReveal(question);
		assertThat(link.network()).as("%s: the link's network", question).isEqualTo(after.settings().network());
		Cluster step = after.cluster();
		Cluster example = example(link);
		assertThat(example.nodes()).extracting(Node::name)
			.as("%s: the example's nodes", question)
			.isEqualTo(step.nodes().stream().map(Node::name).toList());
		assertThat(readyPodsPerNode(example)).as("%s: the example's pods per node", question)
			.isEqualTo(readyPodsPerNode(step));
		assertThat(example.services()).as("%s: the example's Service policy", question)
			.extracting((service) -> service.externalTrafficPolicy())
			.containsExactlyElementsOf(
					step.services().stream().map((service) -> service.externalTrafficPolicy()).toList());
	}

	private static java.util.Map<String, Long> readyPodsPerNode(Cluster cluster) {
		return cluster.pods()
			.stream()
			.filter((pod) -> pod.ready() && pod.nodeName() != null)
			.collect(java.util.stream.Collectors.groupingBy(Pod::nodeName, java.util.TreeMap::new,
					java.util.stream.Collectors.counting()));
	}

	/**
	 * What a question's {@code expect} is checked against: the sandbox after the reveal;
	 * or, for a load balancer the sandbox does not simulate, the analyzer with that load
	 * balancer on the example its explanation links to (the step's cluster as manifests
	 * with the Service's {@code status.loadBalancer}, which MetalLB needs to announce;
	 * {@link #aQuestionProvenInTheAnalyzerLinksAnExampleWithTheStepsCluster} holds it to
	 * the step's nodes, pods and policy).
	 */
	static List<GoalSubject> subjects(QuestionCase question, Simulation simulation) {
		AnalyzerLink link = question.get().analyzer();
		if (link == null) {
			return List.of(GoalSubject.of(simulation));
		}
		return List.of(subject(example(link), link));
	}

	private static GoalSubject subject(Cluster cluster, AnalyzerLink link) {
		return new GoalSubject(analyzed(cluster, link), AnalysisOptions.DEFAULT_CLIENT_IP, cluster.nodes());
	}

	/** The example's LoadBalancer Service, analyzed with the link's choice. */
	static ServiceAnalysis analyzed(Cluster cluster, AnalyzerLink link) {
		AnalysisOptions options = new AnalysisOptions(LoadBalancerModel.EVEN, AnalysisOptions.DEFAULT_CLIENT_IP, null)
			.with(link.loadBalancer(), link.dataplane())
			.withNetwork(link.network());
		List<ServiceAnalysis> services = new ClusterAnalyzer().analyze(cluster, options)
			.services()
			.stream()
			.filter((service) -> service.loadBalancer() != null)
			.toList();
		assertThat(services).as("the example %s has one LoadBalancer Service", link.example()).hasSize(1);
		return services.get(0);
	}

	/** The analyzer example the link opens, read as the analyzer page reads it. */
	static Cluster example(AnalyzerLink link) {
		String file = "examples/" + link.example() + ".yaml";
		try (InputStream in = BundledLessonsTests.class.getClassLoader().getResourceAsStream(file)) {
			assertThat(in).as("the analyzer example %s", file).isNotNull();
			return new ManifestImporter().read(in).cluster();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("steps")
	void everyStepStartsAndStatesOnlyFractionsAndAddressesTheEngineComputes(StepCase step) {
		LessonStep lessonStep = step.lesson().step(step.step());
		Simulation start = CATALOG.start(step.lesson(), step.step()).simulation();
		assertThat(start.cluster().services()).isNotEmpty();

		Set<Fraction> shares = new TreeSet<>(shares(start.statistics().exact()));
		Set<String> addresses = new TreeSet<>(addresses(start));
		List<RichText> texts = new ArrayList<>(List.of(lessonStep.text()));
		for (int q = 1; q <= lessonStep.questions().size(); q++) {
			QuestionCase question = new QuestionCase(step.lesson(), step.step(), q);
			Simulation after = afterReveal(question);
			shares.addAll(shares(after.statistics().exact()));
			addresses.addAll(addresses(after));
			AnalyzerLink link = question.get().analyzer();
			if (link != null) {
				ServiceAnalysis analyzed = analyzed(example(link), link);
				shares.addAll(shares(analyzed));
				analyzed.endpoints().forEach((endpoint) -> addresses.addAll(endpoint.sourcesSeen().keySet()));
			}
			Question read = question.get();
			texts.add(read.prompt());
			texts.add(read.choices().get(read.correctChoice() - 1).text());
			texts.add(read.explanation());
		}
		for (RichText text : texts) {
			Matcher fractions = FRACTION.matcher(text.plain());
			while (fractions.find()) {
				Fraction stated = Fraction.of(Long.parseLong(fractions.group(1)), Long.parseLong(fractions.group(2)));
				assertThat(shares).as("%s states %s, but the engine computes only %s", step, fractions.group(), shares)
					.contains(stated);
			}
			Matcher ips = ADDRESS.matcher(text.plain());
			while (ips.find()) {
				assertThat(addresses).as("%s names %s", step, ips.group()).contains(ips.group());
			}
		}
	}

	@Test
	void theTimingsTheLessonsStateAreTheSimulations() {
		// Lessons 2 and 5 say: probes every 10 s, 2 in a row either way, pods Ready after
		// 5 s, a 30 s grace period,
		// kube-proxy syncing about a second after a change. Change their text if this
		// fails.
		SimulationSettings settings = SimulationSettings.defaults();
		assertThat(settings.probes().local().intervalMicros()).isEqualTo(10_000_000L);
		assertThat(settings.probes().local().healthyThreshold()).isEqualTo(2);
		assertThat(settings.probes().local().unhealthyThreshold()).isEqualTo(2);
		assertThat(settings.podStartupMicros()).isEqualTo(5_000_000L);
		assertThat(settings.terminationGraceMicros()).isEqualTo(30_000_000L);
		assertThat(settings.proxySyncDelayMicros()).isEqualTo(1_000_000L);
	}

	@Test
	void drainingUnderLocalLosesNoConnectionBecauseTheTerminatingPodServesTheStragglers() {
		List<SimulationEvent> events = Revealed.of("rolling-update-local", 2, 0, 25_000_000L).events();

		assertThat(events).noneMatch((event) -> event instanceof SimulationEvent.ConnectionDropped);
		assertThat(events)
			.filteredOn((event) -> event instanceof SimulationEvent.ConnectionRouted routed
					&& routed.node().equals("n2") && routed.sourceSeen().equals(routed.clientIp()))
			.isNotEmpty();
		assertThat(events).anyMatch((event) -> event instanceof SimulationEvent.LoadBalancerTargetChanged changed
				&& changed.node().equals("n2") && changed.time() <= 21_000_000L);
	}

	@Test
	void drainingAnAppThatExitsAtOnceUnderLocalLosesWhatTheLoadBalancerStillSends() {
		Revealed drain = Revealed.of("rolling-update-local", 3, 0, 25_000_000L);
		long drainedAt = drain.at();
		List<SimulationEvent> events = drain.events();

		// netexec exits on SIGTERM at once: n2's pod stops serving and is gone at the
		// drain
		assertThat(events).anyMatch(
				(event) -> event instanceof SimulationEvent.PodStoppedServing stopped && stopped.time() == drainedAt);
		long unhealthyAt = events.stream()
			.filter((event) -> event instanceof SimulationEvent.LoadBalancerTargetChanged changed
					&& changed.node().equals("n2"))
			.mapToLong(SimulationEvent::time)
			.min()
			.orElseThrow();
		assertThat(unhealthyAt).isLessThanOrEqualTo(drainedAt + 21_000_000L);
		assertThat(drain.events(SimulationEvent.ConnectionDropped.class)).isNotEmpty().allSatisfy((dropped) -> {
			assertThat(dropped.node()).isEqualTo("n2");
			assertThat(dropped.time()).isBetween(drainedAt, unhealthyAt);
		});
		assertThat(events).noneMatch((event) -> event instanceof SimulationEvent.ConnectionRouted routed
				&& routed.entryNode().equals("n2") && routed.time() > drainedAt);
	}

	@Test
	void aRolloutRestartUnderLocalWithThePreStopSleepDropsNoConnection() {
		Revealed restart = Revealed.of("rolling-update-local", 2, 1, 60_000_000L);
		assertThat(restart.question().reveal()).containsExactly(new SimulationCommand.RolloutRestart());

		// both old pods are deleted, each serving 25 s after
		assertThat(restart.events(SimulationEvent.PodTerminating.class)).hasSize(2)
			.allMatch((event) -> event.stopsServingAt() == event.time() + 25_000_000L);
		assertThat(restart.events()).noneMatch((event) -> event instanceof SimulationEvent.ConnectionDropped
				|| event instanceof SimulationEvent.ConnectionRejected);
		assertThat(restart.simulation().snapshot().pods()).hasSize(2)
			.allMatch((pod) -> pod.status() == SimulationSnapshot.PodStatus.READY);
	}

	@Test
	void aRolloutRestartUnderLocalOfAnAppThatExitsAtOnceDropsConnections() {
		Revealed restart = Revealed.of("rolling-update-local", 3, 1, 60_000_000L);
		assertThat(restart.question().reveal()).containsExactly(new SimulationCommand.RolloutRestart());

		List<SimulationEvent.PodTerminating> deleted = restart.events(SimulationEvent.PodTerminating.class);
		assertThat(deleted).hasSize(2).allMatch((event) -> event.stopsServingAt() == event.time());
		List<SimulationEvent.ConnectionDropped> lost = restart.events(SimulationEvent.ConnectionDropped.class);
		// each drop is at a node whose old pod just went, before the load balancer's 2
		// failing probes (up to 20 s, and the second's 6 s timeout)
		assertThat(lost).isNotEmpty().allSatisfy((dropped) -> assertThat(deleted).anySatisfy((terminating) -> {
			assertThat(dropped.node()).isEqualTo(terminating.node());
			assertThat(dropped.time()).isBetween(terminating.time(), terminating.time() + 21_000_000L);
		}));
	}

	@Test
	void aKilledNodeLosesConnectionsOnlyUntilTheLoadBalancerHasSeenTwoFailingProbes() {
		List<Long> drops = Revealed.of("rolling-update-local", 4, 0, 40_000_000L)
			.events(SimulationEvent.ConnectionDropped.class)
			.stream()
			.map(SimulationEvent::time)
			.toList();

		// two failing probes 10 s apart, the second counted when its 6 s timeout expires
		assertThat(drops).isNotEmpty();
		assertThat(drops).allMatch((time) -> time <= 26_000_000L);
	}

	@Test
	void movingTheL2PodsLosesConnectionsAtTheOldNodeForAboutASecondAfterTheOldPodsGo() {
		List<SimulationEvent.ConnectionDropped> drops = Revealed.of("which-load-balancer", 3, 1, 40_000_000L)
			.events(SimulationEvent.ConnectionDropped.class);

		// the old pods are deleted at the end of the 30 s grace period; n1 announces
		// until
		// its kube-proxy and the speakers catch up, about a second later
		assertThat(drops).isNotEmpty();
		assertThat(drops).allMatch((drop) -> drop.node().equals("n1"));
		assertThat(drops).allMatch((drop) -> drop.time() >= 30_000_000L && drop.time() <= 32_000_000L);
	}

	/**
	 * A fresh simulation in the step's state, the question's reveal applied, advanced by
	 * its settle time.
	 */
	static Stream<QuestionCase> rulesQuestions() {
		return questions().filter((question) -> question.get().showRules() != null);
	}

	@Test
	void aStepUnderEachPolicyOpensTheRulesPanel() {
		Set<String> policies = new TreeSet<>();
		rulesQuestions().forEach((question) -> {
			Simulation after = afterReveal(question);
			after.cluster()
				.services()
				.stream()
				.filter((service) -> service.ref().equals(after.service()))
				.map(Service::externalTrafficPolicy)
				.forEach((policy) -> policies.add((policy != null) ? policy.apiName() : "none"));
		});
		assertThat(policies).containsExactly("Cluster", "Local");
	}

	/**
	 * Every {@code code} span of a question that opens the Rules panel quotes the rules
	 * kube-proxy writes on that node after the reveal: one line contains it, {@code …}
	 * standing for what the quote leaves out (a chain's hash, the rest of the line).
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("rulesQuestions")
	void everyRuleAQuestionQuotesIsInTheNodesGeneratedRules(QuestionCase question) {
		Question read = question.get();
		RulesReveal reveal = read.showRules();
		assertThat(reveal).isNotNull();
		Simulation after = afterReveal(question);
		RulesWriter writer = (reveal.mode() == ProxyMode.IPTABLES) ? new IptablesWriter() : new NftablesWriter();
		List<String> lines = after.nodeRules(reveal.node(), writer, new RulesScope(after.service(), null, false))
			.rules()
			.text()
			.lines()
			.toList();
		List<String> quotes = new ArrayList<>();
		for (RichText text : List.of(read.prompt(), read.choices().get(read.correctChoice() - 1).text(),
				read.explanation())) {
			text.blocks()
				.forEach((block) -> block.items()
					.forEach((item) -> item.stream()
						.filter((span) -> span.kind() == RichText.Span.Kind.CODE)
						.forEach((span) -> quotes.add(span.text()))));
		}
		assertThat(quotes).as("%s quotes no rule", question).isNotEmpty();
		for (String quote : quotes) {
			Pattern quoted = Pattern
				.compile(String.join(".*", Arrays.stream(quote.split("…", -1)).map(Pattern::quote).toList()));
			assertThat(lines)
				.as("%s quotes `%s`, which is not in %s's %s rules", question, quote, reveal.node(),
						reveal.mode().apiName())
				.anyMatch((line) -> quoted.matcher(line).find());
		}
	}

	/**
	 * A fresh simulation in the lesson step's state (at time 0), the question's reveal
	 * applied at {@code at}, and every event in the {@code micros} after.
	 */
	private record Revealed(Question question, Simulation simulation, long at, List<SimulationEvent> events) {

		static Revealed of(String lesson, int step, int question, long micros) {
			Lesson read = CATALOG.find(lesson).orElseThrow();
			Simulation simulation = CATALOG.start(read, step).simulation();
			long at = simulation.now();
			Question asked = read.step(step).questions().get(question);
			asked.reveal().forEach(simulation::apply);
			List<SimulationEvent> events = new ArrayList<>();
			simulation.advanceTo(at + micros, events::add);
			return new Revealed(asked, simulation, at, events);
		}

		<T extends SimulationEvent> List<T> events(Class<T> type) {
			return this.events.stream().filter(type::isInstance).map(type::cast).toList();
		}

	}

	static Simulation afterReveal(QuestionCase question) {
		Simulation simulation = CATALOG.start(question.lesson(), question.step()).simulation();
		for (SimulationCommand command : question.get().reveal()) {
			simulation.apply(command);
		}
		// Commands take effect as events; a tick lets them happen even when nothing needs
		// to settle
		simulation.advanceTo(simulation.now() + 1_000L + question.get().settleSeconds() * 1_000_000L, EventSink.NONE);
		return simulation;
	}

	private static List<Fraction> shares(ServiceAnalysis analysis) {
		List<Fraction> shares = new ArrayList<>(List.of(analysis.droppedShare(), analysis.rejectedShare()));
		for (NodeAnalysis node : analysis.nodes()) {
			shares.add(node.lbShare());
		}
		for (EndpointAnalysis endpoint : analysis.endpoints()) {
			shares.add(endpoint.externalShare());
			shares.addAll(endpoint.sourcesSeen().values());
		}
		return shares;
	}

	private static List<String> addresses(Simulation simulation) {
		List<String> addresses = new ArrayList<>(simulation.snapshot().settings().clientIps());
		addresses.addAll(simulation.cluster()
			.services()
			.stream()
			.flatMap((service) -> service.loadBalancerIps().stream())
			.toList());
		simulation.cluster().services().forEach((service) -> addresses.addAll(service.externalIps()));
		for (Node node : simulation.cluster().nodes()) {
			addresses.add(node.internalIp());
			addresses.add(node.bridgeIp());
		}
		simulation.cluster().pods().stream().map(Pod::ip).filter((ip) -> ip != null).forEach(addresses::add);
		// the addresses the pods see, which the step's network model decides (a flannel.1
		// address on an overlay)
		simulation.statistics()
			.exact()
			.endpoints()
			.forEach((endpoint) -> addresses.addAll(endpoint.sourcesSeen().keySet()));
		return addresses;
	}

	@Test
	void lessonOneNamesTheSourceAddressesOfEachStepsNetwork() {
		Lesson lesson = CATALOG.find("cluster-client-ip").orElseThrow();
		Fraction sixth = Fraction.of(1, 6);
		// step 2, a bridge with host routes: n3's InternalIP reaches n1's pod
		Simulation bridge = CATALOG.start(lesson, 2).simulation();
		assertThat(bridge.settings().network()).isEqualTo(NetworkModel.BRIDGE);
		assertThat(sourcesOfPodOn(bridge, "n1")).containsEntry("192.168.0.13", sixth);
		// step 3: n1's own pod sees n1's bridge gateway
		assertThat(sourcesOfPodOn(CATALOG.start(lesson, 3).simulation(), "n1")).containsEntry("10.244.1.1", sixth);
		// step 4, flannel VXLAN: n3's flannel.1 address across nodes, the bridge on the
		// node
		Simulation overlay = CATALOG.start(lesson, 4).simulation();
		assertThat(overlay.settings().network()).isEqualTo(NetworkModel.OVERLAY);
		assertThat(sourcesOfPodOn(overlay, "n1")).containsEntry("10.244.3.0", sixth)
			.containsEntry("10.244.1.1", sixth)
			.doesNotContainKey("192.168.0.13");
		// step 4's reveal, the AWS VPC CNI: the InternalIP on the same node too
		Simulation vpc = afterReveal(new QuestionCase(lesson, 4, 2));
		assertThat(vpc.settings().network()).isEqualTo(NetworkModel.VPC);
		assertThat(sourcesOfPodOn(vpc, "n1")).containsEntry("192.168.0.11", sixth).doesNotContainKey("10.244.1.1");
		assertThat(sourcesOfPodOn(vpc, "n2")).containsEntry("192.168.0.11", sixth);
	}

	private static java.util.Map<String, Fraction> sourcesOfPodOn(Simulation simulation, String node) {
		return simulation.statistics()
			.exact()
			.endpoints()
			.stream()
			.filter((endpoint) -> node.equals(endpoint.endpoint().nodeName()))
			.findFirst()
			.orElseThrow()
			.sourcesSeen();
	}

}
