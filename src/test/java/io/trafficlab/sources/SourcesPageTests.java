package io.trafficlab.sources;

import io.trafficlab.engine.balancer.LoadBalancerCatalog;
import io.trafficlab.engine.balancer.LoadBalancerKind;
import io.trafficlab.engine.balancer.ProbeSpec;
import io.trafficlab.engine.simulation.CitedFigure;
import io.trafficlab.engine.simulation.EngineFigures;
import io.trafficlab.engine.simulation.SimulationSettings;
import io.trafficlab.teaching.ClaimSource;
import io.trafficlab.teaching.Lesson;
import io.trafficlab.teaching.LessonCatalog;
import io.trafficlab.teaching.ChallengeCatalog;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code /sources} page lists the engine's own figures with their sources; lesson,
 * challenge and playground pages show "Why we say this" and link to it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SourcesPageTests {

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private LessonCatalog lessons;

	@Autowired
	private ChallengeCatalog challenges;

	@Test
	void theSourcesPageListsEveryFigureWithTheValueTheEngineUsesAndItsSource() throws Exception {
		String body = this.mvc.get().uri("/sources").exchange().getResponse().getContentAsString();

		assertThat(this.mvc.get().uri("/sources")).hasStatusOk().hasViewName(SourcesPageController.PAGE);
		for (CitedFigure figure : EngineFigures.all()) {
			assertThat(body).contains(HtmlUtils.htmlEscape(figure.value()));
			if (figure.source() != null) {
				assertThat(body).contains("href=\"" + HtmlUtils.htmlEscape(figure.source().url()) + "\"");
			}
		}
		assertThat(body).contains("id=\"aws-nlb-instance-targets\"".replace("aws-nlb-instance-targets",
				LoadBalancerKind.AWS_NLB_INSTANCE.label()
					.toLowerCase(java.util.Locale.ROOT)
					.replaceAll("[^a-z0-9]+", "-")
					.replaceAll("(^-|-$)", "")));
	}

	@Test
	void theFiguresAreTheEnginesOwnNumbers() {
		ProbeSpec local = LoadBalancerCatalog.defaultProbe(LoadBalancerKind.AWS_NLB_INSTANCE, true);
		assertThat(EngineFigures.all()).anySatisfy((figure) -> {
			assertThat(figure.topic()).isEqualTo(LoadBalancerKind.AWS_NLB_INSTANCE.label());
			assertThat(figure.value()).contains("every " + local.intervalSeconds() + " s",
					"timeout " + local.timeoutSeconds() + " s",
					"unhealthy after " + local.unhealthyThreshold() + " in a row");
			assertThat(figure.source().url())
				.startsWith("https://github.com/kubernetes-sigs/aws-load-balancer-controller/blob/");
		});
		assertThat(EngineFigures.all()).anySatisfy((figure) -> {
			assertThat(figure.name()).isEqualTo("Deregistration delay");
			assertThat(figure.value())
				.isEqualTo(SimulationSettings.defaults().nlb().deregistrationDelayMicros() / 1_000_000 + " s");
		});
		assertThat(EngineFigures.all()).anySatisfy((figure) -> {
			assertThat(figure.name()).isEqualTo("--node-monitor-grace-period");
			assertThat(figure.value()).isEqualTo("50 s");
		});
		for (LoadBalancerKind kind : LoadBalancerKind.values()) {
			assertThat(EngineFigures.all()).filteredOn((figure) -> figure.topic().equals(kind.label()))
				.filteredOn((figure) -> figure.name().startsWith("Health check under "))
				.hasSize(2);
		}
		assertThat(EngineFigures.all()).allSatisfy((figure) -> {
			if (figure.source() != null) {
				assertThat(figure.source().url()).startsWith("https://").doesNotContain("/blob/main/", "/blob/master/");
				assertThat(figure.source().version()).isNotBlank();
			}
			else {
				assertThat(figure.note()).isNotBlank();
			}
		});
	}

	@Test
	void aStepShowsWhyWeSayThisAsADisclosureAndLinksToTheSourcesPage() throws Exception {
		Lesson lesson = this.lessons.find("uneven-distribution").orElseThrow();
		ClaimSource first = lesson.step(1).sources().get(0);

		assertThat(this.mvc.get().uri("/lessons/uneven-distribution/1")).hasStatusOk()
			.bodyText()
			.contains("<details class=\"why-sources\" data-sources>", "<summary>Why we say this")
			.contains(HtmlUtils.htmlEscape(first.claim()), "href=\"" + first.url() + "\"",
					"(" + HtmlUtils.htmlEscape(first.version()) + ")")
			.contains("href=\"/sources\"");
		assertThat(this.mvc.get().uri("/embed?lesson=uneven-distribution&step=1&run=1")).hasStatusOk()
			.bodyText()
			.contains("<details class=\"why-sources\" data-sources>", HtmlUtils.htmlEscape(first.claim()));
	}

	@Test
	void aChallengeShowsWhyWeSayThisBesideItsBrief() throws Exception {
		ClaimSource first = this.challenges.find("n3-passes-health-check").orElseThrow().sources().get(0);

		assertThat(this.mvc.get().uri("/challenges/n3-passes-health-check")).hasStatusOk()
			.bodyText()
			.contains("<details class=\"why-sources\" data-sources>", HtmlUtils.htmlEscape(first.claim()),
					"href=\"" + first.url() + "\"", "href=\"/sources\"");
	}

	@Test
	void thePlaygroundsHealthPanelLinksToTheSourcesPage() throws Exception {
		assertThat(this.mvc.get().uri("/")).hasStatusOk().bodyText().contains("data-sources-link><a href=\"/sources\"");
	}

}
