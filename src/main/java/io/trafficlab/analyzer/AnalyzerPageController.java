package io.trafficlab.analyzer;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The analyzer page. Each URL answers twice: a full page for browsers without JavaScript,
 * and (with {@code HX-Request}) just the fragment htmx swaps in.
 */
@Controller
record AnalyzerPageController(ManifestWorkbench workbench, ExampleCatalog examples) {

	static final String PAGE = "analyzer/analyzePage";

	static final String RESULTS = "analyzer/results :: results";

	static final String MANIFEST_FIELD = "analyzer/form :: manifestField";

	static final String TRACE_RESULT = "analyzer/trace :: traceResult";

	/**
	 * The page, its choices taken from the query. A query that names an example and a
	 * load balancer (a shared result, see {@link ShareableQuery}) is analyzed at once.
	 */
	@GetMapping("/analyze")
	ModelAndView page(@RequestParam(name = "example", required = false) @Nullable String example,
			@RequestParam(name = "loadBalancer", required = false) @Nullable String loadBalancer,
			@RequestParam(name = "dataplane", required = false) @Nullable String dataplane,
			@RequestParam(name = "network", required = false) @Nullable String network,
			@RequestParam(name = "lb", required = false) @Nullable String lb,
			@RequestParam(name = "clientIp", required = false) @Nullable String clientIp) {
		AnalyzeForm form = formWithExample(example).withChoices(lb, clientIp, loadBalancer, dataplane, network);
		boolean shared = this.examples.find(example).isPresent() && loadBalancer != null && !loadBalancer.isBlank();
		AnalyzerOutcome outcome = shared ? this.workbench.analyze(form) : new AnalyzerOutcome(null, null, null, null);
		return page(form, example, outcome, TraceForm.defaults());
	}

	@GetMapping("/analyze/example")
	String exampleWithoutHtmx(@RequestParam(name = "example", required = false) @Nullable String example) {
		String target = UriComponentsBuilder.fromPath("/analyze")
			.queryParamIfPresent("example", Optional.ofNullable(example))
			.encode()
			.build()
			.toUriString();
		return "redirect:" + target;
	}

	@HxRequest
	@GetMapping("/analyze/example")
	ModelAndView example(@RequestParam(name = "example", required = false) @Nullable String example) {
		return new ModelAndView(MANIFEST_FIELD, Map.of("form", formWithExample(example), "examples",
				this.examples.all(), "selectedExample", String.valueOf(example)));
	}

	@PostMapping("/analyze")
	ModelAndView analyze(@ModelAttribute("form") AnalyzeForm form) {
		return page(form, null, this.workbench.analyze(form), TraceForm.defaults());
	}

	/**
	 * The results, and the page's address becomes the query that shows them again (htmx's
	 * {@code HX-Replace-Url}).
	 */
	@HxRequest
	@PostMapping("/analyze")
	ModelAndView analyzeFragment(@ModelAttribute("form") AnalyzeForm form, HttpServletResponse response) {
		AnalyzerOutcome outcome = this.workbench.analyze(form);
		if (outcome.error() == null) {
			response.setHeader("HX-Replace-Url", ShareableQuery.of(form, this.examples.matching(form.manifestsText())));
		}
		return view(RESULTS, form, outcome, TraceForm.defaults());
	}

	@PostMapping("/analyze/trace")
	ModelAndView trace(@ModelAttribute("form") AnalyzeForm form, @ModelAttribute("traceForm") TraceForm trace) {
		return page(form, null, this.workbench.analyzeAndTrace(form, trace), trace);
	}

	@HxRequest
	@PostMapping("/analyze/trace")
	ModelAndView traceFragment(@ModelAttribute("form") AnalyzeForm form, @ModelAttribute("traceForm") TraceForm trace) {
		return view(TRACE_RESULT, form, this.workbench.trace(form, trace), trace);
	}

	private AnalyzeForm formWithExample(@Nullable String example) {
		return this.examples.find(example)
			.map((found) -> AnalyzeForm.withManifests(found.manifests()))
			.orElseGet(() -> AnalyzeForm.withManifests(""));
	}

	private ModelAndView page(AnalyzeForm form, @Nullable String example, AnalyzerOutcome outcome, TraceForm trace) {
		ModelAndView page = view(PAGE, form, outcome, trace);
		page.addObject("examples", this.examples.all());
		page.addObject("selectedExample", String.valueOf(example));
		return page;
	}

	private static ModelAndView view(String view, AnalyzeForm form, AnalyzerOutcome outcome, TraceForm trace) {
		Map<String, @Nullable Object> model = new HashMap<>();
		model.put("form", form);
		model.put("traceForm", trace);
		model.put("analysis", outcome.analysis());
		model.put("error", outcome.error());
		model.put("trace", outcome.trace());
		model.put("traceError", outcome.traceError());
		model.put("loadBalancers", FormChoices.LOAD_BALANCERS);
		model.put("catalogue", CatalogueChoices.LOAD_BALANCERS);
		model.put("dataplanes", CatalogueChoices.DATAPLANES);
		model.put("networks", CatalogueChoices.NETWORKS);
		model.put("sources", FormChoices.SOURCES);
		model.put("destinations", FormChoices.DESTINATIONS);
		HttpStatus status = outcome.status();
		return new ModelAndView(view, model, status);
	}

}
