package io.trafficlab.browser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The canvas at every size people use it (issue 15): a 480×320 and an 800×520 embed, a
 * lesson step in 1280×800 and 1024×768 windows, the playground at 1366×900, a 390×844
 * phone and a 3840×2160 projector. In several frames of each, read from
 * {@code window.__trafficLab.labels()} (every text the last frame drew, with its box): no
 * two texts overlap, none leaves the canvas, no name, address or fraction is cut, every
 * node and pod is named, every pod's exact share and every node's load-balancer share is
 * written, and the policy is on the picture. Screenshots of each size go to
 * {@code target/screenshots}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CanvasSizesBrowserIT extends BrowserTest {

	private record Size(String name, String path, int width, int height, boolean phone) {
	}

	private static final List<Size> SIZES = List.of(
			new Size("embed-480x320", "/embed?preset=uneven-3-1-0&run=1", 480, 320, false),
			new Size("embed-800x520", "/embed?preset=uneven-3-1-0&run=1", 800, 520, false),
			new Size("lesson-1280x800", "/lessons/uneven-distribution/2", 1280, 800, false),
			new Size("lesson-1024x768", "/lessons/uneven-distribution/2", 1024, 768, false),
			new Size("playground-1366x900", "/?preset=uneven-3-1-0", 1366, 900, false),
			new Size("phone-390x844", "/?preset=uneven-3-1-0", 390, 844, true),
			new Size("projector-3840x2160", "/?preset=uneven-3-1-0", 3840, 2160, false));

	/** What is wrong with the last frame's texts, as sentences; empty when nothing is. */
	private static final String PROBLEMS = """
			const lab = window.__trafficLab;
			const scene = lab.scene();
			const labels = lab.labels();
			const canvas = document.querySelector('[data-view=primary] canvas').getBoundingClientRect();
			const left = canvas.left + scrollX, top = canvas.top + scrollY;
			const problems = [];
			const show = (l) => l.kind + ' "' + l.text + '" at ' + Math.round(l.x) + ',' + Math.round(l.y);
			for (let i = 0; i < labels.length; i++) {
				const a = labels[i];
				for (let j = i + 1; j < labels.length; j++) {
					const b = labels[j];
					if (a.x + 0.5 < b.x + b.width && b.x + 0.5 < a.x + a.width && a.y + 0.5 < b.y + b.height && b.y + 0.5 < a.y + a.height) {
						problems.push('overlap: ' + show(a) + ' / ' + show(b));
					}
				}
				if (a.x < left - 0.5 || a.y < top - 0.5 || a.x + a.width > left + canvas.width + 0.5 || a.y + a.height > top + canvas.height + 0.5) {
					problems.push('outside the canvas: ' + show(a));
				}
				if (a.kind !== 'prose' && a.kind !== 'state' && a.text.includes('…')) {
					// a pod name may keep its first and last part ("web…x2k8p"), nothing else may be cut
					const [head, tail] = a.text.split('…');
					const abbreviated = a.kind === 'name' && a.fullText.startsWith(head + '-') && a.fullText.endsWith('-' + tail);
					if (!abbreviated) problems.push('cut: ' + show(a) + ' stands for "' + a.fullText + '"');
				}
			}
			const named = (name) => labels.some((l) => l.kind === 'name' && l.fullText === name);
			for (const node of scene.nodes) {
				if (!named(node.name)) problems.push('node ' + node.name + ' has no name on the canvas');
			}
			for (const pod of scene.pods) {
				if (!named(pod.name)) problems.push('pod ' + pod.name + ' has no name on the canvas');
			}
			// which nodes pass the load balancer's check: every node's verdict (the NLB of the preset probes nodes)
			const verdicts = labels.filter((l) => /^[✓✕◌⇥–] LB: /.test(l.fullText)).length;
			if (verdicts !== scene.nodes.length) problems.push(verdicts + ' of ' + scene.nodes.length + ' nodes show the LB verdict');
			const sees = labels.filter((l) => l.kind === 'address' && l.fullText.startsWith('sees ')).length;
			if (sees !== scene.pods.length) problems.push(sees + ' of ' + scene.pods.length + ' pods say which address they see');
			for (const row of scene.statistics.pods) {
				if (!labels.some((l) => l.kind === 'fraction' && l.text === row.exactShare)) {
					problems.push('pod ' + row.pod + "'s share " + row.exactShare + ' is not written');
				}
			}
			// what the LB sends the node now, then (while its checks lag the change) what it will send
			for (const row of scene.statistics.nodes) {
				const share = row.lbShareNow === row.exactLbShare ? row.exactLbShare : row.lbShareNow + ' → ' + row.exactLbShare;
				if (!labels.some((l) => l.kind === 'fraction' && l.fullText === 'LB ' + share)) {
					problems.push('node ' + row.node + "'s LB share " + share + ' is not written');
				}
			}
			const policy = scene.service.externalTrafficPolicy;
			if (!labels.some((l) => l.fullText === 'externalTrafficPolicy: ' + policy && l.text.endsWith(policy))) {
				problems.push('the policy ' + policy + ' is not on the picture');
			}
			return problems;
			""";

	@Test
	void everySizeShouldShowEveryNameShareAndPolicyWithNoTextCutOrOverlapping() throws InterruptedException {
		this.browser = HeadlessChromium.start(1200, 1000);
		ChromeDriver driver = this.browser.driver();
		for (Size size : SIZES) {
			driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", size.width(), "height",
					size.height(), "deviceScaleFactor", size.phone() ? 3 : 1, "mobile", size.phone()));
			driver.get("http://localhost:" + this.port + size.path());
			LabPage.waitForScene(this.browser);
			driver
				.executeScript("document.querySelector('[data-view=primary] canvas').scrollIntoView({block: 'start'})");
			assertThat(framesOf(driver)).as(size.name() + " under Local").isEmpty();
			this.browser.screenshot("canvas-" + size.name());
			driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
					+ "fetch(document.getElementById('playground').dataset.api"
					+ " + '/service/external-traffic-policy?value=Cluster', {method: 'PUT'}).then(() => done())");
			// the statistics of the new policy: every pod sees node addresses after SNAT
			this.browser.waitUpTo(LIVE)
				.until((d) -> Boolean.TRUE.equals(driver.executeScript(
						"return window.__trafficLab.labels().some((l) => l.fullText.startsWith('sees node'))")));
			assertThat(framesOf(driver)).as(size.name() + " under Cluster").isEmpty();
			this.browser.screenshot("canvas-" + size.name() + "-cluster");
		}
		assertNoSevereConsoleEntries();
	}

	/**
	 * The problems of six frames a third of a second apart: moving labels change between
	 * frames.
	 */
	private static List<String> framesOf(ChromeDriver driver) throws InterruptedException {
		List<String> problems = new ArrayList<>();
		for (int frame = 0; frame < 6; frame++) {
			Thread.sleep(350);
			problems.addAll(problems(driver));
		}
		return problems;
	}

	@SuppressWarnings("unchecked")
	private static List<String> problems(ChromeDriver driver) {
		return (List<String>) driver.executeScript(PROBLEMS);
	}

}
