package io.trafficlab.browser;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.trafficlab.sandbox.SandboxRegistry;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The playground at {@code /} in a real browser: dragging a pod, toggling the policy, the
 * keyboard path, the packet inspector, compare mode and three screen sizes. Screenshots
 * go to {@code target/screenshots}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PlaygroundBrowserIT extends BrowserTest {

	/**
	 * Keeps the page's WebSockets where the test can close them, as a server that stops
	 * would.
	 */
	private static final String KEEP_SOCKETS = "window.__sockets = []; const Native = window.WebSocket; "
			+ "window.WebSocket = class extends Native { constructor(...args) { super(...args); "
			+ "window.__sockets.push(this); } };";

	@Autowired
	private SandboxRegistry sandboxes;

	@Test
	void aSandboxThatEndedShouldSayWhyInTheServersWordsAndOfferItsLastState() {
		this.browser = HeadlessChromium.start(1280, 900);
		ChromeDriver driver = this.browser.driver();
		driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", KEEP_SOCKETS));
		String origin = "http://localhost:" + this.port;
		driver.get(origin + "/?preset=uneven-3-1-0");
		LabPage.waitForScene(this.browser);
		String id = (String) driver.executeScript("return document.getElementById('playground').dataset.sandboxId");
		assertThat(String.valueOf(driver.executeScript("return window.__sockets[0].url")))
			.isEqualTo("ws://localhost:" + this.port + "/ws?sandbox=" + id);
		LabPage.choosePolicy(driver, "Cluster");
		this.browser.waitUpTo(LIVE).until((d) -> "Cluster".equals(LabPage.checkedPolicy(driver)));
		// a moment after a command the page reads its permalink, for the day the sandbox
		// ends
		this.browser.waitUpTo(LIVE)
			.until((d) -> Boolean.TRUE.equals(driver.executeScript("return performance.getEntriesByType('resource')"
					+ ".some((entry) => entry.name.endsWith('/permalink'))")));

		// the sandbox goes, and its stream with it, as when the server it lived on stops
		assertThat(this.sandboxes.end(id)).isTrue();
		driver.executeScript("window.__sockets.forEach((socket) => socket.close())");

		WebElement notice = driver.findElement(By.cssSelector("[data-part=sandbox-ended]"));
		this.browser.waitUpTo(LIVE).until((d) -> notice.isDisplayed());
		assertThat(notice.findElement(By.cssSelector("[data-part=sandbox-ended-reason]")).getText())
			.startsWith("There is no sandbox \"" + id + "\"");
		// the words once: the stream's status line only says it ended
		assertThat(driver.findElement(By.cssSelector("[data-part=stream-status]")).getText()).isEqualTo("ended");
		assertThat(notice.findElement(By.cssSelector("[data-control=start-again]")).getDomProperty("href"))
			.isEqualTo(origin + "/?preset=uneven-3-1-0");
		WebElement reopen = notice.findElement(By.cssSelector("[data-control=reopen-state]"));
		assertThat(reopen.isDisplayed()).isTrue();
		assertThat(reopen.getDomProperty("href")).startsWith(origin + "/?s=");
		this.browser.screenshot("playground-sandbox-ended");

		reopen.click();
		LabPage.waitForScene(this.browser);
		this.browser.waitUpTo(LIVE).until((d) -> "Cluster".equals(LabPage.checkedPolicy(driver)));
		assertThat(driver.executeScript("return document.getElementById('playground').dataset.sandboxId"))
			.isNotEqualTo(id);
	}

	@Test
	void dragPodToEmptyNodeShouldShowTheNewExactShares() {
		ChromeDriver driver = open(1280, 800, "uneven-3-1-0");
		speed(driver, "5");
		// the shares panel draws on the frame after the statistics arrive
		this.browser.waitUpTo(LIVE).until((d) -> "1/2".equals(podShare(driver, "web-4")));
		assertThat(podShare(driver, "web-1")).isEqualTo("1/6");
		LabPage.drag(driver, "web-1", "n3");
		// web-1 terminates and its replacement starts on n3: n1 keeps two pods, n2 one,
		// n3 one
		this.browser.waitUpTo(LIVE).until((d) -> "1/3".equals(replacementShare(driver, "web-1-")));
		assertThat(podShare(driver, "web-2")).isEqualTo("1/6");
		assertThat(podShare(driver, "web-3")).isEqualTo("1/6");
		assertThat(podShare(driver, "web-4")).isEqualTo("1/3");
		this.browser.screenshot("playground-after-drag");
		assertNoSevereConsoleEntries();
	}

	@Test
	void rolloutRestartShouldReplaceEveryPodThroughANewReplicaSet() {
		ChromeDriver driver = open(1280, 800, "two-pods-three-nodes");
		speed(driver, "20");
		this.browser.waitUpTo(LIVE).until((d) -> podNames(driver).size() == 2);
		List<String> before = podNames(driver);
		driver.findElement(By.cssSelector("[data-control=rollout-restart]")).click();
		// one new pod at a time; each old pod goes once a new one is Ready, then serves
		// its 25 s preStop sleep
		this.browser.waitUpTo(LIVE)
			.until((d) -> podNames(driver).size() == 2 && podNames(driver).stream().noneMatch(before::contains));
		String oldReplicaSet = before.get(0).substring(0, before.get(0).lastIndexOf('-'));
		assertThat(podNames(driver)).noneMatch((name) -> name.startsWith(oldReplicaSet + "-"));
		this.browser.screenshot("playground-after-rollout");
		assertNoSevereConsoleEntries();
	}

	@Test
	void toggleLocalShouldShowTheClientAddressAndTheEmptyNodeFailing() {
		ChromeDriver driver = open(1280, 800, "uneven-3-1-0");
		LabPage.choosePolicy(driver, "Cluster");
		// under Cluster the NLB's TCP probe of the NodePort connects on n3 too, which has
		// no pod
		this.browser.waitUpTo(LIVE)
			.until((d) -> seen(driver).stream().allMatch("node"::equals)
					&& healthAnswer(driver, "n3").contains("connected"));
		this.browser.screenshot("playground-cluster");
		LabPage.choosePolicy(driver, "Local");
		this.browser.waitUpTo(LIVE)
			.until((d) -> seen(driver).stream().allMatch("client"::equals) && healthAnswer(driver, "n3").contains("503")
					&& probeStatus(driver, "n3") == 503);
		assertThat(seen(driver)).hasSize(4);
		// Exact sources only: connections that n1's kube-proxy DNATed and SNATed with its
		// Cluster rules during its sync
		// delay are observed (and stay in the window), as they would in a real cluster
		assertThat(exactSourceAddresses(driver, "web-4")).contains("203.0.113.10")
			.noneMatch((a) -> a.startsWith("192.168."));
		assertThat(yaml(driver)).contains("externalTrafficPolicy: Local").contains("healthCheckNodePort:");
		this.browser.screenshot("playground-local");
		assertNoSevereConsoleEntries();
	}

	@Test
	void ciliumDsrUnderClusterShouldKeepTheClientAddress() {
		ChromeDriver driver = open(1280, 800, "uneven-3-1-0");
		LabPage.choosePolicy(driver, "Cluster");
		this.browser.waitUpTo(LIVE).until((d) -> seen(driver).stream().allMatch("node"::equals));
		Select balancers = new Select(driver.findElement(By.cssSelector("[data-control=lb-kind]")));
		assertThat(balancers.getFirstSelectedOption().getDomAttribute("value")).isEqualTo("aws-nlb-instance");
		// the sandbox simulates every load balancer the playground lists
		assertThat(balancers.getOptions()).hasSize(7).allSatisfy((option) -> assertThat(option.isEnabled()).isTrue());
		assertThat(driver.executeScript("return window.__trafficLab.scene().loadBalancerName"))
			.isEqualTo("AWS NLB (instance targets)");
		assertThat(driver.findElement(By.cssSelector("[data-view=primary] [data-preset-caveat]")).isDisplayed())
			.isFalse();
		new Select(driver.findElement(By.cssSelector("[data-control=dataplane]"))).selectByValue("cilium-dsr");
		this.browser.waitUpTo(LIVE)
			.until((d) -> "cilium-dsr".equals(driver.executeScript("return window.__trafficLab.scene().dataplane"))
					&& !seen(driver).isEmpty() && seen(driver).stream().allMatch("client"::equals));
		assertThat(seen(driver)).hasSize(4);
		for (String pod : List.of("web-1", "web-2", "web-3", "web-4")) {
			assertThat(exactSourceAddresses(driver, pod)).as(pod)
				.contains("203.0.113.10")
				.noneMatch((a) -> a.startsWith("192.168."));
		}
		this.browser.screenshot("playground-cilium-dsr");
		assertNoSevereConsoleEntries();
	}

	@Test
	void thePodNetworkChoiceShouldChangeTheAddressesThePodsSee() {
		ChromeDriver driver = open(1280, 800, "uneven-3-1-0");
		LabPage.choosePolicy(driver, "Cluster");
		this.browser.waitUpTo(LIVE).until((d) -> seen(driver).stream().allMatch("node"::equals));
		Select networks = new Select(driver.findElement(By.cssSelector("[data-control=network]")));
		assertThat(networks.getFirstSelectedOption().getDomAttribute("value")).isEqualTo("bridge");
		assertThat(exactSourceAddresses(driver, "web-4")).contains("192.168.0.11", "10.244.2.1");
		networks.selectByValue("overlay");
		this.browser.waitUpTo(LIVE)
			.until((d) -> "overlay".equals(driver.executeScript("return window.__trafficLab.scene().network"))
					&& exactSourceAddresses(driver, "web-4").contains("10.244.1.0"));
		assertThat(exactSourceAddresses(driver, "web-4")).contains("10.244.1.0", "10.244.2.1", "10.244.3.0");
		assertThat(driver.findElement(By.cssSelector("[data-view=primary] [data-part=sources-network]")).getText())
			.contains("overlay (flannel VXLAN)");
		networks.selectByValue("vpc");
		this.browser.waitUpTo(LIVE)
			.until((d) -> exactSourceAddresses(driver, "web-4").contains("192.168.0.12")
					&& exactSourceAddresses(driver, "web-4").stream().noneMatch((a) -> a.startsWith("10.244.")));
		this.browser.screenshot("playground-network-vpc");
		assertNoSevereConsoleEntries();
	}

	@Test
	void metalLbL2UnderLocalShouldGiveTheLonePodNothingAndMarkTheAnnouncingNode() {
		ChromeDriver driver = open(1280, 800, "uneven-3-1-0");
		LabPage.choosePolicy(driver, "Local");
		new Select(driver.findElement(By.cssSelector("[data-control=lb-kind]"))).selectByValue("metallb-l2");
		this.browser.waitUpTo(LIVE)
			.until((d) -> "n1".equals(driver.executeScript("return window.__trafficLab.scene().announcingNode"))
					&& "0".equals(podShare(driver, "web-4")));
		assertThat(driver.executeScript("return window.__trafficLab.scene().service.loadBalancerIps[0]"))
			.isEqualTo("198.51.100.10");
		assertThat(driver.executeScript("return window.__trafficLab.scene().loadBalancerHostname")).isNull();
		for (String pod : List.of("web-1", "web-2", "web-3")) {
			assertThat(podShare(driver, pod)).as(pod).isEqualTo("1/3");
		}
		// the preset's description ("n2's lone pod gets half") is about the default LB
		WebElement caveat = driver.findElement(By.cssSelector("[data-view=primary] [data-preset-caveat]"));
		this.browser.waitUpTo(LIVE).until((d) -> caveat.isDisplayed());
		assertThat(caveat.getText()).contains("This description is for AWS NLB (instance targets)")
			.contains("Behind MetalLB (L2)");
		this.browser.screenshot("playground-metallb-l2");
		assertNoSevereConsoleEntries();
	}

	@Test
	void keyboardShouldMoveAPodToNodeNAndTogglePolicy() {
		ChromeDriver driver = open(1280, 800, "uneven-3-1-0");
		speed(driver, "5");
		// Tab from the last control onto the canvas, so the focus is a keyboard focus
		// (and visible)
		driver.executeScript("document.querySelector('.manifests-box summary').focus()");
		new Actions(driver).sendKeys(Keys.TAB).perform();
		WebElement canvas = LabPage.canvas(driver);
		assertThat(driver.switchTo().activeElement()).isEqualTo(canvas);
		assertThat((Boolean) driver.executeScript("return arguments[0].matches(':focus-visible')", canvas)).isTrue();
		new Actions(driver).sendKeys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT).perform();
		assertThat(driver.executeScript("return window.__trafficLab.focused()")).isEqualTo("pod web-1");
		this.browser.screenshot("playground-keyboard-focus");
		new Actions(driver).sendKeys("3").perform();
		this.browser.waitUpTo(LIVE).until((d) -> "1/3".equals(replacementShare(driver, "web-1-")));
		assertThat(podShare(driver, "web-4")).isEqualTo("1/3");
		new Actions(driver).sendKeys("p").perform();
		this.browser.waitUpTo(LIVE)
			.until((d) -> yaml(driver).contains("externalTrafficPolicy: Cluster")
					&& LabPage.checkedPolicy(driver).equals("Cluster"));
		// A node's menu from the keyboard: Enter opens it on its first item, Escape
		// closes it onto the canvas
		new Actions(driver).sendKeys(Keys.ARROW_LEFT).perform();
		this.browser.waitUpTo(LIVE)
			.until((d) -> String.valueOf(driver.executeScript("return window.__trafficLab.focused()"))
				.startsWith("node "));
		new Actions(driver).sendKeys(Keys.ENTER).perform();
		WebElement menu = driver.findElement(By.cssSelector("[data-view=primary] [data-part=node-menu]"));
		assertThat(menu.isDisplayed()).isTrue();
		assertThat(driver.switchTo().activeElement().getDomAttribute("data-node-action")).isEqualTo("cordon");
		this.browser.screenshot("playground-keyboard-node-menu");
		new Actions(driver).sendKeys(Keys.ESCAPE).perform();
		assertThat(menu.isDisplayed()).isFalse();
		assertThat(driver.switchTo().activeElement()).isEqualTo(canvas);
		assertNoSevereConsoleEntries();
	}

	@Test
	void inspectorShouldShowOnePacketsHeadersAtEveryHop() {
		ChromeDriver driver = open(1280, 800, "uneven-3-1-0");
		LabPage.choosePolicy(driver, "Cluster");
		this.browser.waitUpTo(LIVE).until((d) -> yaml(driver).contains("externalTrafficPolicy: Cluster"));
		// From the event list, paused so that the list holds still between finding a row
		// and clicking it
		this.browser.waitUpTo(LIVE)
			.until((d) -> !d
				.findElements(By.cssSelector("[data-view=primary] [data-part=event-list] button[data-connection]"))
				.isEmpty());
		driver.findElement(By.cssSelector("[data-control=pause]")).click();
		this.browser.waitUpTo(LIVE)
			.until((d) -> Boolean.TRUE.equals(driver.executeScript("return window.__trafficLab.scene().paused")));
		WebElement row = this.browser.waitUpTo(LIVE)
			.until((d) -> d
				.findElements(By.cssSelector("[data-view=primary] [data-part=event-list] button[data-connection]"))
				.stream()
				.findFirst()
				.orElse(null));
		String connection = row.getDomAttribute("data-connection");
		row.click();
		WebElement inspector = driver.findElement(By.cssSelector("[data-view=primary] [data-part=inspector]"));
		// the panel renders its content anew as the scene moves on: look again when it
		// did
		WebDriverWait rendered = this.browser.waitUpTo(Duration.ofSeconds(3));
		rendered.ignoring(StaleElementReferenceException.class);
		rendered.until((d) -> inspector.findElement(By.cssSelector(".inspector__title"))
			.getText()
			.startsWith("Connection #" + connection));
		rendered.until((d) -> inspector.findElements(By.cssSelector("table.hops tbody tr")).size() >= 8);
		rendered.until((d) -> inspector.findElements(By.cssSelector(".why-list dt"))
			.stream()
			.map(WebElement::getText)
			.toList()
			.containsAll(List.of("Load balancer", "Health checks", "Endpoint set", "Masquerade")));
		// The load balancer the sandbox runs, named and described from the server's
		// analysis
		String loadBalancer = (String) driver.executeScript("return window.__trafficLab.scene().loadBalancerName");
		assertThat(inspector.getText()).contains(loadBalancer + " saw: ")
			.contains("It probes with a TCP connect on the NodePort")
			.contains("If no target passes, it fails open");
		// From the canvas: still paused, so packets hold still; click one
		this.browser.waitUpTo(LIVE)
			.until((d) -> Boolean.TRUE.equals(driver.executeScript(
					"return window.__trafficLab.scene().paused && window.__trafficLab.packets().length > 0")));
		// Without reduced motion packets glide: paused, some stand between two hops
		assertThat((List<?>) driver.executeScript("return window.__trafficLab.packets().map((p) => p.t)"))
			.anyMatch((t) -> ((Number) t).doubleValue() > 0 && ((Number) t).doubleValue() < 1);
		// The packet farthest from the others, clicked where it is drawn
		WebElement canvas = LabPage.canvas(driver);
		Map<String, Number> packet = loneliestPackets(driver, 1).get(0);
		int[] offset = LabPage.offsetFromInViewCenter(driver, canvas, packet);
		new Actions(driver).moveToElement(canvas, offset[0], offset[1]).click().perform();
		String title = "Connection #" + packet.get("connection");
		try {
			this.browser.waitUpTo(Duration.ofSeconds(3)).until((d) -> inspector.getText().startsWith(title));
		}
		catch (TimeoutException ex) {
			Object now = driver.executeScript("const hook = window.__trafficLab; const p = arguments[0];"
					+ "return JSON.stringify({hitNow: hook.packetAt(p.x, p.y), paused: hook.scene().paused,"
					+ " anim: hook.scene().clock.anim, same: hook.packets().filter((q) => q.connection === p.connection),"
					+ " rect: arguments[1].getBoundingClientRect(), scrollY: window.scrollY})", packet, canvas);
			throw new AssertionError("clicking packet " + packet + " at offset " + offset[0] + "," + offset[1]
					+ " did not open it; inspector: " + inspector.getText().lines().findFirst().orElse("") + "; now: "
					+ now, ex);
		}
		assertThat(inspector.findElements(By.cssSelector("table.hops mark"))).isNotEmpty();
		assertThat(inspector.getText()).contains("SNAT on");
		driver.executeScript("document.querySelector('[data-view=primary] .panel--inspector').scrollIntoView()");
		this.browser.screenshot("playground-inspector");
		assertNoSevereConsoleEntries();
	}

	@Test
	void compareModeShouldShowClusterAndLocalSideBySide() {
		ChromeDriver driver = open(1280, 800, "uneven-3-1-0");
		driver.findElement(By.cssSelector("[data-control=compare]")).click();
		this.browser.waitUpTo(LIVE)
			.until((d) -> d.findElements(By.cssSelector("[data-view=second] canvas")).size() == 1);
		this.browser.waitUpTo(LIVE)
			.until((d) -> seen(driver, "primary").stream().allMatch("node"::equals)
					&& !seen(driver, "primary").isEmpty() && seen(driver, "second").stream().allMatch("client"::equals)
					&& !seen(driver, "second").isEmpty());
		assertThat(driver.findElement(By.cssSelector("[data-view=primary] [data-part=side]")).getText())
			.contains("Cluster");
		assertThat(driver.findElement(By.cssSelector("[data-view=second] [data-part=side]")).getText())
			.contains("Local");
		assertThat(driver.findElement(By.cssSelector("fieldset[data-control=policy]")).getDomProperty("disabled"))
			.isEqualTo("true");
		this.browser.screenshot("playground-compare");
		driver.findElement(By.cssSelector("[data-control=compare]")).click();
		this.browser.waitUpTo(LIVE).until((d) -> d.findElements(By.cssSelector("[data-view=second]")).isEmpty());
		assertNoSevereConsoleEntries();
	}

	@Test
	void reducedMotionShouldMovePacketsHopByHop() {
		this.browser = HeadlessChromium.start(1280, 800);
		ChromeDriver driver = this.browser.driver();
		driver.executeCdpCommand("Emulation.setEmulatedMedia",
				Map.of("features", List.of(Map.of("name", "prefers-reduced-motion", "value", "reduce"))));
		driver.get("http://localhost:" + this.port + "/?preset=uneven-3-1-0");
		LabPage.waitForScene(this.browser);
		assertThat(driver.executeScript("return window.__trafficLab.scene().reducedMotion")).isEqualTo(true);
		assertThat(driver.findElement(By.cssSelector("[data-view=primary] [data-part=motion-note]")).isDisplayed())
			.isTrue();
		// Every packet sits exactly on a hop, the place it last reached, never between
		// two places
		this.browser.waitUpTo(LIVE)
			.until((d) -> ((Number) driver.executeScript("return window.__trafficLab.packets().length"))
				.intValue() >= 5);
		assertThat((List<?>) driver.executeScript("return window.__trafficLab.packets().map((p) => p.t)")).isNotEmpty()
			.allMatch((t) -> ((Number) t).doubleValue() == 0);
		driver.executeScript("document.querySelector('[data-view=primary] canvas').scrollIntoView({block: 'center'})");
		this.browser.screenshot("playground-reduced-motion");
		assertNoSevereConsoleEntries();
	}

	@Test
	void pageShouldFitAPhoneALaptopAndAProjector() {
		ChromeDriver driver = open(1280, 800, "uneven-3-1-0");
		this.browser.screenshot("playground-1280");
		this.browser.close();
		this.browser = HeadlessChromium.start(500, 900);
		this.browser.emulateViewport(360, 780);
		driver = this.browser.driver();
		driver.get("http://localhost:" + this.port + "/?preset=uneven-3-1-0");
		LabPage.waitForScene(this.browser);
		assertThat((Number) driver.executeScript("return document.documentElement.scrollWidth")).isEqualTo(360L);
		this.browser.screenshot("playground-360");
		assertNoSevereConsoleEntries();
		this.browser.close();
		this.browser = HeadlessChromium.start(3840, 2160);
		driver = this.browser.driver();
		driver.get("http://localhost:" + this.port + "/?preset=uneven-3-1-0");
		LabPage.waitForScene(this.browser);
		this.browser.screenshot("playground-3840");
		assertNoSevereConsoleEntries();
	}

	private ChromeDriver open(int width, int height, String preset) {
		ChromeDriver driver = openPage(width, height, "/?preset=" + preset);
		LabPage.waitForScene(this.browser);
		driver.executeScript("document.querySelector('[data-view=primary] canvas').scrollIntoView({block: 'center'})");
		return driver;
	}

	private static void speed(ChromeDriver driver, String factor) {
		new Select(driver.findElement(By.cssSelector("[data-control=speed]"))).selectByValue(factor);
	}

	/** Up to {@code count} packets, the farthest from any other first. */
	@SuppressWarnings("unchecked")
	private static List<Map<String, Number>> loneliestPackets(ChromeDriver driver, int count) {
		// Only packets that a click on their own spot opens: a packet standing still at a
		// hop may
		// cover a moving one
		return (List<Map<String, Number>>) driver.executeScript("const hook = window.__trafficLab;"
				+ "const p = hook.packets().filter((a) => hook.packetAt(a.x, a.y) === a.connection);"
				+ "const gap = (a) => Math.min(...p.filter((b) => b !== a).map((b) => Math.hypot(a.x - b.x, a.y - b.y)), 1e9);"
				+ "return [...p].sort((a, b) => gap(b) - gap(a)).slice(0, arguments[0])", count);
	}

	private static String podShare(ChromeDriver driver, String pod) {
		return String.valueOf(driver.executeScript("for (const row of document.querySelectorAll("
				+ "'[data-view=primary] [data-part=pod-shares] tbody tr')) {"
				+ " if (row.querySelector('.node-name').textContent === arguments[0])"
				+ "  return row.querySelector('.fraction').textContent; }" + "return null", pod));
	}

	/**
	 * The exact share of the pod whose name starts with the prefix (a replacement pod
	 * gets a new suffix).
	 */
	private static String replacementShare(ChromeDriver driver, String prefix) {
		Object share = driver.executeScript("for (const row of document.querySelectorAll("
				+ "'[data-view=primary] [data-part=pod-shares] tbody tr')) {"
				+ " if (row.querySelector('.node-name').textContent.startsWith(arguments[0]))"
				+ "  return row.querySelector('.fraction').textContent; }" + "return null", prefix);
		return (share != null) ? share.toString() : null;
	}

	@SuppressWarnings("unchecked")
	private static List<String> podNames(ChromeDriver driver) {
		return (List<String>) driver.executeScript("return [...document.querySelectorAll("
				+ "'[data-view=primary] [data-part=pod-shares] tbody tr .node-name')].map((c) => c.textContent)");
	}

	private static List<String> seen(ChromeDriver driver) {
		return seen(driver, "primary");
	}

	@SuppressWarnings("unchecked")
	private static List<String> seen(ChromeDriver driver, String view) {
		return (List<String>) driver.executeScript("return [...document.querySelectorAll("
				+ "'[data-view=' + arguments[0] + '] [data-part=sources] tbody')]" + ".map((b) => b.dataset.seen)",
				view);
	}

	/**
	 * The addresses of a pod's source rows that have an exact share (not only observed
	 * ones).
	 */
	@SuppressWarnings("unchecked")
	private static List<String> exactSourceAddresses(ChromeDriver driver, String pod) {
		return (List<String>) driver.executeScript("const b = [...document.querySelectorAll("
				+ "'[data-view=primary] [data-part=sources] tbody')].find((b) => b.dataset.key === arguments[0]);"
				+ "return b ? [...b.querySelectorAll('tr')].filter((r) => r.querySelector('.source-address') !== null"
				+ " && r.querySelector('.fraction').textContent !== '—')"
				+ ".map((r) => r.querySelector('.source-address').textContent) : []", pod);
	}

	private static String healthAnswer(ChromeDriver driver, String node) {
		return String.valueOf(driver.executeScript("const r = [...document.querySelectorAll("
				+ "'[data-view=primary] [data-part=health] tbody tr')].find((r) => r.dataset.key === arguments[0]);"
				+ "return r ? r.querySelector('.answer').textContent : ''", node));
	}

	private static long probeStatus(ChromeDriver driver, String node) {
		Object status = driver.executeScript(
				"return window.__trafficLab.scene().nodes.find((n) => n.name === arguments[0]).probeStatus", node);
		return ((Number) Objects.requireNonNull(status)).longValue();
	}

	private static String yaml(ChromeDriver driver) {
		return driver.findElement(By.cssSelector("[data-view=primary] [data-part=service-yaml]")).getText();
	}

}
