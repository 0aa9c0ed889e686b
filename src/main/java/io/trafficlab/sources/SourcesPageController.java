package io.trafficlab.sources;

import io.trafficlab.engine.simulation.EngineFigures;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Where each figure the canvas and panels show comes from. */
@Controller
class SourcesPageController {

	static final String PAGE = "sources/sourcesPage";

	@GetMapping("/sources")
	String sources(Model model) {
		model.addAttribute("groups", FigureGroup.of(EngineFigures.all()));
		return PAGE;
	}

}
