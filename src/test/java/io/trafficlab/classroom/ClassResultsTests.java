package io.trafficlab.classroom;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ClassResults}: RFC 4180 quoting, and names a spreadsheet would run as
 * formulas kept as text.
 */
class ClassResultsTests {

	@Test
	void csvShouldQuoteWhatNeedsItAndDefuseFormulas() {
		String csv = ClassResults.csv(List.of(new Classrooms.ResultRow("Ada", 3, 2, 1, 0),
				new Classrooms.ResultRow("Lovelace, Ada \"AL\"", 1, 0, 0, 2),
				new Classrooms.ResultRow("=HYPERLINK(\"http://evil\")", 0, 0, 0, 0),
				new Classrooms.ResultRow("-1+1", 0, 0, 0, 0), new Classrooms.ResultRow("@SUM(A1)", 0, 0, 0, 0)));
		assertThat(csv.lines().toList()).containsExactly(
				"name,\"predictions answered\",\"predictions right\",\"challenges solved\",\"hints used\"",
				"Ada,3,2,1,0", "\"Lovelace, Ada \"\"AL\"\"\",1,0,0,2", "\"'=HYPERLINK(\"\"http://evil\"\")\",0,0,0,0",
				"\"'-1+1\",0,0,0,0", "\"'@SUM(A1)\",0,0,0,0");
	}

	@Test
	void csvOfAnEmptyClassShouldBeItsHeader() {
		assertThat(ClassResults.csv(List.of()).lines().toList()).singleElement().asString().startsWith("name,");
	}

}
