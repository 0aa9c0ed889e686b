package io.trafficlab.classroom;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;

/**
 * A class's results as CSV (RFC 4180, written by Jackson's CSV module): one row per
 * student. A name a spreadsheet would run as a formula ({@code =}, {@code +}, {@code -},
 * {@code @} first) is written with a leading apostrophe, as OWASP's advice on CSV
 * injection says.
 */
final class ClassResults {

	static final List<String> COLUMNS = List.of("name", "predictions answered", "predictions right",
			"challenges solved", "hints used");

	private static final CsvMapper MAPPER = new CsvMapper();

	private static final CsvSchema SCHEMA = header();

	private ClassResults() {
	}

	static String csv(List<Classrooms.ResultRow> rows) {
		List<List<Object>> lines = new ArrayList<>();
		for (Classrooms.ResultRow row : rows) {
			lines.add(List.of(cell(row.name()), row.answered(), row.right(), row.solved(), row.hints()));
		}
		return MAPPER.writer(SCHEMA).writeValueAsString(lines);
	}

	private static String cell(String text) {
		return (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) ? "'" + text : text;
	}

	private static CsvSchema header() {
		CsvSchema.Builder builder = CsvSchema.builder();
		COLUMNS.forEach(builder::addColumn);
		return builder.setUseHeader(true).build();
	}

}
