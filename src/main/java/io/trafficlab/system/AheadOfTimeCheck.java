package io.trafficlab.system;

import java.util.List;

import org.springframework.aot.AotDetector;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Stops a start from Spring's AOT-processed bean definitions ({@code bin/start}; README,
 * "Run") when a setting asks for a bean that the build left out. AOT processing evaluates
 * every bean condition once, when the jar is built, with {@code application.properties}
 * only; at run time a setting that such a condition reads is then ignored without a word
 * (https://docs.spring.io/spring-boot/reference/packaging/aot.html). Started the ordinary
 * way, this checks nothing. An entry goes once its bean no longer depends on a condition.
 */
@Component
class AheadOfTimeCheck {

	/**
	 * Settings whose value needs a bean that the AOT build, without them, did not define.
	 */
	static final List<FrozenSetting> SETTINGS = List.of(new FrozenSetting("server.forward-headers-strategy",
			"framework", "Spring's ForwardedHeaderFilter (Spring Boot defines it only for this value)"));

	@Autowired
	AheadOfTimeCheck(Environment environment) {
		this(environment, AotDetector.useGeneratedArtifacts());
	}

	/**
	 * @param aheadOfTime whether the context starts from the AOT-processed definitions
	 */
	AheadOfTimeCheck(Environment environment, boolean aheadOfTime) {
		if (!aheadOfTime) {
			return;
		}
		for (FrozenSetting setting : SETTINGS) {
			if (setting.value().equalsIgnoreCase(environment.getProperty(setting.name(), ""))) {
				throw new FrozenSettingException(setting);
			}
		}
	}

	/**
	 * A setting and the value of it that needs a bean the AOT build did not define.
	 *
	 * @param name the property
	 * @param value the value that needs the bean
	 * @param needs what would be missing
	 */
	record FrozenSetting(String name, String value, String needs) {

	}

	/** Thrown when a {@link FrozenSetting} has the value the AOT build did not see. */
	static final class FrozenSettingException extends IllegalStateException {

		private final FrozenSetting setting;

		FrozenSettingException(FrozenSetting setting) {
			super(setting.name() + "=" + setting.value() + " needs " + setting.needs()
					+ ", which the AOT-processed bean definitions do not have");
			this.setting = setting;
		}

		FrozenSetting setting() {
			return this.setting;
		}

	}

}
