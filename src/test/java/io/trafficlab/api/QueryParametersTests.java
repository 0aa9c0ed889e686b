package io.trafficlab.api;

import java.util.List;
import java.util.Map;

import io.trafficlab.system.ParameterChoices;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link QueryParameters}.
 */
class QueryParametersTests {

	private static final Map<String, Integer> CHOICES = QueryParameters.choices(List.of("one", "two"), List.of(1, 2));

	@Test
	void oneOfWhenAbsentShouldReturnTheDefault() {
		assertThat(QueryParameters.oneOf("n", null, CHOICES, 0)).isZero();
		assertThat(QueryParameters.oneOf("n", " ", CHOICES, 0)).isZero();
	}

	@Test
	void oneOfWhenUnknownShouldNameTheParameterAndTheChoicesInOrder() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> QueryParameters.oneOf("n", "three", CHOICES, 0))
			.withMessage("Query parameter 'n' must be one of: one, two (got \"three\").");
	}

	@Test
	void requireOneOfWhenAbsentShouldSayItIsRequired() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> QueryParameters.requireOneOf("n", null, CHOICES))
			.withMessage("Query parameter 'n' is required; use one of: one, two.");
	}

	@Test
	void ipAddressWhenHostNameShouldRefuseWithoutLookingItUp() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> QueryParameters.ipAddress("clientIp", "localhost"))
			.withMessageContaining("'clientIp'");
	}

	@Test
	void clusterCidrWhenNoneShouldKeepIt() {
		assertThat(QueryParameters.clusterCidr("clusterCidr", "none", "none")).isEqualTo("none");
		assertThat(QueryParameters.clusterCidr("clusterCidr", "10.244.0.0/16", "none")).isEqualTo("10.244.0.0/16");
		assertThat(QueryParameters.clusterCidr("clusterCidr", null, "none")).isNull();
	}

	@Test
	void listedWhenManyValuesShouldShowTenAndTheTotal() {
		List<String> names = java.util.stream.IntStream.range(0, 12).mapToObj((i) -> "n" + i).toList();
		assertThat(ParameterChoices.listed(names)).isEqualTo("n0, n1, n2, n3, n4, n5, n6, n7, n8, n9, … (12 in all)");
	}

}
