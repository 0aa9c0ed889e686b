package io.trafficlab.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.trafficlab.browser.HeadlessChromium;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The live stream measured in real browsers (not a unit test): headless Chromium pages of
 * the packaged jar ({@link BenchmarkServer}), each a student's room page watching one
 * teacher's sandbox ({@code -Dmode=room}, the default) or a playground that creates a
 * sandbox of its own ({@code -Dmode=sandboxes}, at 1×). Chromium negotiates
 * {@code permessage-deflate} (or not) itself and the page's own STOMP client reads the
 * stream; a script added before the page's own (DevTools
 * {@code Page.addScriptToEvaluateOnNewDocument}) wraps the page's {@code WebSocket} and
 * counts, for each events message, its {@code seq} (gaps are lost batches) and the delay
 * from its {@code tickWallTime} to its arrival in the page. Options ({@code -D}):
 * {@code pages} (10, as tabs of {@code browsers} (1) Chromium processes), {@code speed}
 * (1, the room's), {@code seconds} (30), {@code warmup} (10).
 */
public final class ChromiumPagesBenchmark {

	/**
	 * Counts what the page's WebSocket receives on the events topic, in
	 * {@code __streamProbe}.
	 */
	private static final String PROBE = """
			(() => {
				const probe = { batches: 0, gaps: 0, expected: 0, bytes: 0, delays: [], lastSeq: -1, extensions: null };
				window.__streamProbe = probe;
				const Native = window.WebSocket;
				window.WebSocket = class extends Native {
					constructor(url, protocols) {
						super(url, protocols);
						this.addEventListener('open', () => { probe.extensions = this.extensions; });
						this.addEventListener('message', (event) => {
							const arrived = Date.now();
							const text = typeof event.data === 'string' ? event.data
								: event.data instanceof ArrayBuffer ? new TextDecoder().decode(event.data) : '';
							if (!text.startsWith('MESSAGE') || !/destination:[^\\n]*\\/events\\n/.test(text)) {
								return;
							}
							const seq = /"seq":(\\d+)/.exec(text);
							const tick = /"tickWallTime":(\\d+)/.exec(text);
							if (seq === null || tick === null || !probe.measuring) {
								probe.lastSeq = seq === null ? probe.lastSeq : Number(seq[1]);
								return;
							}
							const number = Number(seq[1]);
							probe.batches++;
							probe.bytes += text.length;
							probe.expected += probe.lastSeq < 0 ? 1 : Math.max(1, number - probe.lastSeq);
							if (probe.lastSeq >= 0 && number !== probe.lastSeq + 1) {
								probe.gaps++;
							}
							probe.lastSeq = number;
							probe.delays.push(arrived - Number(tick[1]));
						});
					}
				};
			})();
			""";

	private static final Pattern ROOM_CODE = Pattern.compile("\"code\":\"([A-Z0-9]+)\"");

	private static final Pattern SANDBOX_ID = Pattern.compile("\"id\":\"([A-Za-z0-9_-]+)\"");

	private ChromiumPagesBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int pages = Integer.getInteger("pages", 10);
		int browsers = Integer.getInteger("browsers", 1);
		boolean room = !"sandboxes".equals(System.getProperty("mode", "room"));
		try (BenchmarkServer server = BenchmarkServer.start(List.of("--trafficlab.rooms.max-students=" + (pages + 20),
				"--trafficlab.rooms.join-burst=" + (pages + 20)))) {
			run(server, pages, browsers, room);
		}
		System.exit(0);
	}

	private static void run(BenchmarkServer server, int pages, int browsers, boolean room) throws Exception {
		int seconds = Integer.getInteger("seconds", 30);
		int warmup = Integer.getInteger("warmup", 10);
		String speed = System.getProperty("speed", "1");
		List<String> urls = new ArrayList<>();
		if (room) {
			String sandbox = created(server, SANDBOX_ID, server.http("POST", "/api/v1/sandboxes?seed=1", 201));
			speed(server, sandbox, speed);
			String code = created(server, ROOM_CODE, server.http("POST", "/api/v1/rooms?sandbox=" + sandbox, 201));
			for (int i = 0; i < pages; i++) {
				urls.add(server.origin() + "/rooms/" + code);
			}
		}
		else {
			// the playground's script creates the page's sandbox, as for a visitor
			for (int i = 0; i < pages; i++) {
				urls.add(server.origin() + "/");
			}
		}
		List<HeadlessChromium> chromium = new ArrayList<>();
		List<Tab> tabs = new ArrayList<>();
		try {
			for (int b = 0; b < browsers; b++) {
				chromium.add(HeadlessChromium.start());
			}
			for (int i = 0; i < urls.size(); i++) {
				ChromeDriver driver = chromium.get(i % browsers).driver();
				if (i >= browsers) {
					driver.switchTo().newWindow(WindowType.TAB);
				}
				driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", PROBE));
				driver.get(urls.get(i));
				tabs.add(new Tab(driver, driver.getWindowHandle()));
			}
			System.out.printf(Locale.ROOT, "%d Chromium pages (%s, %sx) in %d browser(s); warming up %d s%n", pages,
					room ? "one room" : "a sandbox each", speed, browsers, warmup);
			TimeUnit.SECONDS.sleep(warmup);
			double load = BenchmarkServer.loadAverage();
			long cpuBefore = server.cpuTicks();
			BenchmarkServer.HeapSampler heap = server.sampleHeap();
			// each page counts over its own window: switching tabs takes a while with
			// busy browsers
			tabs.forEach((tab) -> tab.run("const p = window.__streamProbe; p.measuring = true; p.since = Date.now();"));
			long start = System.nanoTime();
			TimeUnit.SECONDS.sleep(seconds);
			tabs.forEach(
					(tab) -> tab.run("const p = window.__streamProbe; p.measuring = false; p.until = Date.now();"));
			double measured = (System.nanoTime() - start) / 1e9;
			long cpu = server.cpuTicks() - cpuBefore;
			long maxHeap = heap.stop();
			report(tabs, measured, cpu, maxHeap, server.liveHeap(), load, BenchmarkServer.loadAverage());
		}
		finally {
			for (HeadlessChromium browser : chromium) {
				browser.close();
			}
		}
	}

	private static String created(BenchmarkServer server, Pattern pattern, String body) {
		Matcher matcher = pattern.matcher(body);
		if (!matcher.find()) {
			throw new IllegalStateException("No " + pattern + " in " + body);
		}
		return matcher.group(1);
	}

	private static void speed(BenchmarkServer server, String sandbox, String speed) throws Exception {
		if (!"1".equals(speed)) {
			server.http("PUT", "/api/v1/sandboxes/" + sandbox + "/speed?factor=" + speed, 200);
		}
	}

	@SuppressWarnings("unchecked")
	private static void report(List<Tab> tabs, double seconds, long cpuTicks, long maxHeap, long liveHeap, double load,
			double loadAfter) {
		DelayHistogram delays = new DelayHistogram();
		long batches = 0;
		long expected = 0;
		long gaps = 0;
		long bytes = 0;
		double pageSeconds = 0;
		List<Object> extensions = new ArrayList<>();
		for (Tab tab : tabs) {
			Map<String, Object> probe = (Map<String, Object>) tab.run("return window.__streamProbe;");
			batches += ((Number) probe.get("batches")).longValue();
			expected += ((Number) probe.get("expected")).longValue();
			gaps += ((Number) probe.get("gaps")).longValue();
			bytes += ((Number) probe.get("bytes")).longValue();
			pageSeconds += (((Number) probe.get("until")).longValue() - ((Number) probe.get("since")).longValue())
					/ 1e3;
			((List<Number>) probe.get("delays")).forEach((delay) -> delays.add(delay.longValue()));
			Object negotiated = probe.get("extensions");
			extensions.add((negotiated == null || "".equals(negotiated)) ? "none" : negotiated);
		}
		System.out.printf(Locale.ROOT, "%nChromium pages: %d, %.1f s; negotiated extensions: %s%n", tabs.size(),
				seconds, extensions.stream().distinct().toList());
		System.out.printf(Locale.ROOT,
				"delivered          %,d of %,d batches (%.2f %%), %.1f MB/s (inflated), %d seq gaps%n", batches,
				expected, 100.0 * batches / Math.max(1, expected), bytes / (pageSeconds / tabs.size()) / 1e6, gaps);
		System.out.printf(Locale.ROOT,
				"published          %.1f batches a second to each page (over each page's window)%n",
				expected / Math.max(1e-9, pageSeconds));
		System.out.printf(Locale.ROOT, "tick-to-page       p50 %d ms, p99 %d ms, max %d ms%n",
				delays.percentile(batches, 0.50), delays.percentile(batches, 0.99), delays.percentile(batches, 1.0));
		System.out.printf(Locale.ROOT,
				"server heap        at most %.0f MB used (jstat), live %.0f MB after GC; -Xmx1g%n", maxHeap / 1e6,
				liveHeap / 1e6);
		System.out.printf(Locale.ROOT, "server CPU         %.0f %% of one core%n", cpuTicks / seconds);
		System.out.printf(Locale.ROOT, "load average       %.1f at start, %.1f at end (1 min)%n", load, loadAfter);
	}

	/** One page: a tab of one Chromium. */
	private record Tab(ChromeDriver driver, String handle) {

		Object run(String script) {
			this.driver.switchTo().window(this.handle);
			return this.driver.executeScript(script);
		}

	}

}
