package io.trafficlab;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SlicesRuleDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

/**
 * The rules that keep the engine a separate world.
 */
class ArchitectureTests {

	private static final JavaClasses PRODUCTION = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.trafficlab");

	@Test
	void engineDependsOnlyOnTheJdkAndItself() {
		ArchRule rule = classes().that()
			.resideInAPackage("io.trafficlab.engine..")
			.should()
			.onlyDependOnClassesThat()
			.resideInAnyPackage("java..", "org.jspecify..", "com.carrotsearch.hppc..", "io.trafficlab.engine..")
			.because("the routing engine must run, and be tested, without Spring, the web layer or fabric8");
		rule.check(PRODUCTION);
	}

	@Test
	void engineNeverReadsTheWallClockOrUnseededRandomness() {
		ArchRule rule = noClasses().that()
			.resideInAPackage("io.trafficlab.engine..")
			.should()
			.callMethod(System.class, "currentTimeMillis")
			.orShould()
			.callMethod(System.class, "nanoTime")
			.orShould()
			.callMethod(java.time.Instant.class, "now")
			.orShould()
			.callMethod(Math.class, "random")
			.orShould()
			.callConstructor(java.util.Random.class)
			.orShould()
			.callMethod(Thread.class, "sleep", long.class)
			.because("the engine is deterministic: time and randomness come from its caller");
		rule.check(PRODUCTION);
	}

	@Test
	void engineNeverStartsThreads() {
		ArchRule rule = noClasses().that()
			.resideInAPackage("io.trafficlab.engine..")
			.should()
			.dependOnClassesThat()
			.areAssignableTo(Thread.class)
			.orShould()
			.dependOnClassesThat()
			.resideInAPackage("java.util.concurrent..")
			.because("the engine is synchronous: its caller owns every thread");
		rule.check(PRODUCTION);
	}

	@Test
	void noBeanDependsOnASettingThroughACondition() {
		ArchRule classes = noClasses().should()
			.beAnnotatedWith(ConditionalOnBooleanProperty.class)
			.orShould()
			.beAnnotatedWith(ConditionalOnProperty.class)
			.because("Spring's AOT processing decides bean conditions when the jar is built, so bin/start would "
					+ "ignore the setting (README, Run): read it in the bean instead");
		ArchRule methods = noMethods().should()
			.beAnnotatedWith(ConditionalOnBooleanProperty.class)
			.orShould()
			.beAnnotatedWith(ConditionalOnProperty.class)
			.because("the same holds for @Bean methods");
		classes.check(PRODUCTION);
		methods.check(PRODUCTION);
	}

	@Test
	void packagesAreFreeOfCycles() {
		SlicesRuleDefinition.slices()
			.matching("io.trafficlab.(**)")
			.should()
			.beFreeOfCycles()
			.because("a layout without tangles reads top to bottom")
			.check(PRODUCTION);
	}

}
