package io.trafficlab.browser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The playground's figures (README, "Tests and figures"): frames per second with 500
 * packets in flight in a 1366×900 and a 3840×2160 window, time from navigation to the
 * first animated frame, and the compressed size of the JavaScript the page loads besides
 * htmx. The figures go to {@code target/playground-benchmark.txt}. Targets are 60 fps,
 * under 1 s and under 150 kB; the test fails only below floors that mean something broke
 * (the build machine is shared), except for the size, which is deterministic and must
 * meet its target.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PlaygroundPerformanceIT extends BrowserTest {

	private static final Pattern SCRIPT = Pattern.compile("<script[^>]*\\ssrc=\"([^\"]+)\"");

	@Test
	void measureTheFigures() throws Exception {
		List<String> report = new ArrayList<>();
		double fps = framesPerSecondWith500Packets(report, 1366, 900, "playground-500-packets");
		double fps4k = framesPerSecondWith500Packets(report, 3840, 2160, "playground-500-packets-4k");
		List<Double> firstFrames = firstAnimatedFrames(report, 5);
		long bytes = compressedJavaScript(report);
		Path file = Path.of("target", "playground-benchmark.txt");
		Files.createDirectories(file.getParent());
		Files.writeString(file, String.join(System.lineSeparator(), report) + System.lineSeparator());
		report.forEach(System.out::println);
		assertThat(bytes).as("gzip bytes of the page's JavaScript besides htmx").isLessThan(150 * 1024);
		assertThat(fps).as("frames per second with 500 packets in flight at 1366x900").isGreaterThan(20);
		// a 3703x1215 canvas drawn in software on a shared machine: 9 fps seen with the
		// load average at 18
		assertThat(fps4k).as("frames per second with 500 packets in flight at 3840x2160").isGreaterThan(4);
		assertThat(median(firstFrames)).as("ms from navigation to the first animated frame").isLessThan(5000);
	}

	private double framesPerSecondWith500Packets(List<String> report, int width, int height, String screenshot) {
		ChromeDriver driver = open(width, height);
		Number innerWidth = (Number) driver.executeScript("return window.innerWidth");
		assertThat(innerWidth.intValue()).as("the browser window's width").isEqualTo(width);
		String sizes = (String) driver.executeScript("const c = document.querySelector('[data-view=primary] canvas');"
				+ "return innerWidth + 'x' + innerHeight + ' viewport, canvas ' + c.clientWidth + 'x' + c.clientHeight"
				+ " + ' CSS px (' + c.width + 'x' + c.height + ' backing store)'");
		// No new client connections, wait until the real ones have left, then 500
		// benchmark packets, all drawn (the density sample never leaves them out)
		driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
				+ "fetch(document.getElementById('playground').dataset.api + '/client-rate?perSecond=0', {method: 'PUT'})"
				+ ".then(() => done())");
		this.browser.waitUpTo(LIVE)
			.until((d) -> ((Number) driver.executeScript("return window.__trafficLab.inFlight()")).intValue() == 0);
		Number inFlight = (Number) driver.executeScript("return window.__trafficLab.injectPackets(500)");
		assertThat(inFlight.intValue()).isEqualTo(500);
		Number drawn = (Number) driver.executeScript("return window.__trafficLab.packets().length");
		assertThat(drawn.intValue()).as("benchmark packets drawn").isEqualTo(500);
		Number fps = (Number) driver
			.executeAsyncScript("const done = arguments[arguments.length - 1];" + "let frames = 0; let t0 = null;"
					+ "function frame(t) { if (t0 === null) { t0 = t; } else { frames++; }"
					+ " if (t - t0 < 5000) { requestAnimationFrame(frame); } else { done(frames * 1000 / (t - t0)); } }"
					+ "requestAnimationFrame(frame);");
		Number after = (Number) driver.executeScript("return window.__trafficLab.inFlight()");
		report.add(String.format(Locale.ROOT,
				"fps with 500 packets in flight, %dx%d window: %.1f (%s; 5 s of requestAnimationFrame "
						+ "callbacks; %d packets still in flight at the end)",
				width, height, fps.doubleValue(), sizes, after.intValue()));
		assertThat(after.intValue()).isGreaterThanOrEqualTo(500);
		this.browser.screenshot(screenshot);
		this.browser.close();
		this.browser = null;
		return fps.doubleValue();
	}

	private List<Double> firstAnimatedFrames(List<String> report, int runs) {
		List<Double> packets = new ArrayList<>();
		List<Double> scenes = new ArrayList<>();
		this.browser = HeadlessChromium.start(1366, 900);
		ChromeDriver driver = this.browser.driver();
		for (int i = 0; i <= runs; i++) {
			driver.get("http://localhost:" + this.port + "/");
			this.browser.waitUpTo(LIVE)
				.until((d) -> driver.executeScript(
						"return performance.getEntriesByName('trafficlab:first-animated-frame').length") instanceof Number n
						&& n.intValue() > 0);
			double scene = ((Number) driver
				.executeScript("return performance.getEntriesByName('trafficlab:first-frame')[0].startTime"))
				.doubleValue();
			double packet = ((Number) driver
				.executeScript("return performance.getEntriesByName('trafficlab:first-animated-frame')[0].startTime"))
				.doubleValue();
			if (i > 0) {
				// The first load warms the server and the browser caches up; it is not
				// counted
				scenes.add(scene);
				packets.add(packet);
			}
		}
		report.add(String.format(Locale.ROOT, "navigation to first animated frame (a packet moving): median %.0f ms, "
				+ "max %.0f ms over %d loads of / on loopback", median(packets), max(packets), runs));
		report.add(String.format(Locale.ROOT, "navigation to first frame of the cluster: median %.0f ms, max %.0f ms",
				median(scenes), max(scenes)));
		this.browser.close();
		this.browser = null;
		return packets;
	}

	private long compressedJavaScript(List<String> report) throws IOException, InterruptedException {
		HttpClient client = HttpClient.newHttpClient();
		String page = get(client, "/").body();
		Matcher scripts = SCRIPT.matcher(page);
		long raw = 0;
		long gzipped = 0;
		List<String> counted = new ArrayList<>();
		while (scripts.find()) {
			String src = scripts.group(1);
			if (src.contains("htmx")) {
				continue;
			}
			byte[] body = get(client, src).body().getBytes(StandardCharsets.UTF_8);
			raw += body.length;
			gzipped += gzip(body).length;
			counted.add(src);
		}
		assertThat(counted).as("scripts besides htmx").isNotEmpty();
		report.add(String.format(Locale.ROOT, "JavaScript besides htmx: %s, %.1f kB, %.1f kB gzipped", counted,
				raw / 1024.0, gzipped / 1024.0));
		return gzipped;
	}

	private HttpResponse<String> get(HttpClient client, String path) throws IOException, InterruptedException {
		return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static byte[] gzip(byte[] bytes) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
			zip.write(bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private ChromeDriver open(int width, int height) {
		ChromeDriver driver = openPage(width, height, "/?preset=uneven-3-1-0");
		this.browser.waitUpTo(LIVE)
			.until((d) -> Boolean.TRUE.equals(driver.executeScript(
					"const lab = window.__trafficLab; return !!(lab && lab.scene() && lab.firstFrameAt !== null)")));
		driver.executeScript("document.querySelector('[data-view=primary] canvas').scrollIntoView({block: 'center'})");
		return driver;
	}

	private static double median(List<Double> values) {
		List<Double> sorted = values.stream().sorted().toList();
		int n = sorted.size();
		return (n % 2 == 1) ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
	}

	private static double max(List<Double> values) {
		return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
	}

}
