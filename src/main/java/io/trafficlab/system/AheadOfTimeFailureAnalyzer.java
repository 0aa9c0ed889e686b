package io.trafficlab.system;

import io.trafficlab.system.AheadOfTimeCheck.FrozenSetting;
import io.trafficlab.system.AheadOfTimeCheck.FrozenSettingException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Says in words, without a stack trace, why {@link AheadOfTimeCheck} stopped the start
 * and how to start instead (registered in {@code META-INF/spring.factories}).
 */
class AheadOfTimeFailureAnalyzer extends AbstractFailureAnalyzer<FrozenSettingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, FrozenSettingException cause) {
		FrozenSetting setting = cause.setting();
		return new FailureAnalysis(
				"This start uses Spring's AOT-processed bean definitions "
						+ "(-Dspring.aot.enabled=true), which were made when the jar was built, without "
						+ setting.name() + "=" + setting.value() + ". With it, the application needs " + setting.needs()
						+ ", which those definitions do not have.",
				"Start without the AOT-processed definitions: TRAFFICLAB_AOT=off bin/start, or java -jar without "
						+ "-Dspring.aot.enabled=true.",
				cause);
	}

}
