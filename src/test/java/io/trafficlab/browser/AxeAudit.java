package io.trafficlab.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Runs axe-core (the frontend's dev dependency, the rules accessibility audits use) on
 * the page a browser shows, and words each violation with the page it was found on.
 */
final class AxeAudit {

	private static final Path AXE = Path.of("frontend", "node_modules", "axe-core", "axe.min.js");

	private static final String RUN_AXE = "const done = arguments[arguments.length - 1];"
			+ "axe.run(document).then((r) => done(r.violations.map((v) => ({id: v.id, help: v.help,"
			+ "nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' '))}))), (e) => done([{id: 'axe failed',"
			+ "help: String(e), nodes: []}]))";

	private final String axe;

	private AxeAudit(String axe) {
		this.axe = axe;
	}

	static AxeAudit load() {
		try {
			return new AxeAudit(Files.readString(AXE));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The violations on the page {@code driver} shows, each as "page: id (help) at
	 * [nodes]".
	 */
	List<String> violations(ChromeDriver driver, String page) {
		driver.executeScript(this.axe);
		List<?> found = (List<?>) driver.executeAsyncScript(RUN_AXE);
		List<String> violations = new ArrayList<>();
		for (Object violation : found) {
			Map<?, ?> v = (Map<?, ?>) violation;
			violations.add(page + ": " + v.get("id") + " (" + v.get("help") + ") at " + v.get("nodes"));
		}
		return violations;
	}

}
