package io.trafficlab.sources;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.trafficlab.engine.simulation.CitedFigure;

/**
 * The figures of one topic (a load balancer, kube-proxy…), under a heading with an
 * anchor.
 *
 * @param id the heading's anchor, {@code /sources#<id>}
 * @param title the topic
 * @param figures its figures, in the engine's order
 */
record FigureGroup(String id, String title, List<CitedFigure> figures) {

	/** {@code figures} grouped by topic, in the order the topics first appear. */
	static List<FigureGroup> of(List<CitedFigure> figures) {
		Map<String, List<CitedFigure>> byTopic = new LinkedHashMap<>();
		figures.forEach((figure) -> byTopic.computeIfAbsent(figure.topic(), (topic) -> new ArrayList<>()).add(figure));
		return byTopic.entrySet()
			.stream()
			.map((entry) -> new FigureGroup(anchor(entry.getKey()), entry.getKey(), List.copyOf(entry.getValue())))
			.toList();
	}

	private static String anchor(String topic) {
		return topic.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
	}

}
