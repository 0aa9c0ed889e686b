package io.trafficlab.system;

import io.trafficlab.system.AheadOfTimeCheck.FrozenSettingException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class AheadOfTimeCheckTests {

	@Test
	void aheadOfTimeStartWithTheRelaySwitchedOnGoesAhead() {
		// The broker link's beans always exist and read the setting when they are made
		MockEnvironment environment = new MockEnvironment().withProperty("trafficlab.stream.relay.enabled", "TRUE");
		assertThatCode(() -> new AheadOfTimeCheck(environment, true)).doesNotThrowAnyException();
	}

	@Test
	void aheadOfTimeStartWithTheFrameworkForwardedHeadersIsRefused() {
		MockEnvironment environment = new MockEnvironment().withProperty("server.forward-headers-strategy",
				"framework");
		assertThatExceptionOfType(FrozenSettingException.class)
			.isThrownBy(() -> new AheadOfTimeCheck(environment, true))
			.satisfies((ex) -> assertThat(ex.setting().name()).isEqualTo("server.forward-headers-strategy"));
	}

	@Test
	void aheadOfTimeStartWithTheBuildsSettingsGoesAhead() {
		MockEnvironment environment = new MockEnvironment().withProperty("trafficlab.stream.relay.enabled", "false")
			.withProperty("server.forward-headers-strategy", "native");
		assertThatCode(() -> new AheadOfTimeCheck(environment, true)).doesNotThrowAnyException();
		assertThatCode(() -> new AheadOfTimeCheck(new MockEnvironment(), true)).doesNotThrowAnyException();
	}

	@Test
	void ordinaryStartChecksNothing() {
		MockEnvironment environment = new MockEnvironment().withProperty("trafficlab.stream.relay.enabled", "true")
			.withProperty("server.forward-headers-strategy", "framework");
		assertThatCode(() -> new AheadOfTimeCheck(environment, false)).doesNotThrowAnyException();
	}

	@Test
	void theRefusalIsExplainedInWordsWithTheWayToStartInstead() {
		FrozenSettingException refusal = new FrozenSettingException(AheadOfTimeCheck.SETTINGS.get(0));
		FailureAnalysis analysis = new AheadOfTimeFailureAnalyzer()
			.analyze(new IllegalStateException("context failed", refusal));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains("server.forward-headers-strategy=framework",
				"ForwardedHeaderFilter");
		assertThat(analysis.getAction()).contains("TRAFFICLAB_AOT=off bin/start");
	}

	@Test
	void springBootFindsTheAnalyzer() {
		// Spring Boot's own analyzers need its bean factory: this lookup skips those it
		// cannot make
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, null, FailureHandler.handleMessage((message, failure) -> {
			}))).hasAtLeastOneElementOfType(AheadOfTimeFailureAnalyzer.class);
	}

}
