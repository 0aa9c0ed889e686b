package io.trafficlab;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.trafficlab.engine.model.TrafficPolicy;
import io.trafficlab.engine.model.Spelled;
import io.trafficlab.sandbox.EventBatch;
import io.trafficlab.sandbox.SandboxSnapshot;
import io.trafficlab.sandbox.SandboxStatistics;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One spelling per value ({@link Spelled}): every enum that travels (the stream, the JSON
 * API, permalinks) owns its spelling, and no spelling is written as a string literal in
 * main code outside its type, so adding a value means adding one constant. The literals
 * are read from the compiled classes' constant pools: comments and annotations (a query
 * parameter named {@code node}) do not count, and neither do texts that merely contain a
 * spelling ("externalTrafficPolicy: Local").
 */
class SpellingTests {

	private static final JavaClasses PRODUCTION = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.trafficlab");

	/**
	 * What the browser, scripts and links receive as JSON. Package-private roots are
	 * named by their class names.
	 */
	private static final List<String> WIRE_ROOTS = List.of(EventBatch.class.getName(), SandboxSnapshot.class.getName(),
			SandboxStatistics.class.getName(), "io.trafficlab.stream.StatisticsMessage",
			"io.trafficlab.sandbox.SharedState", "io.trafficlab.api.AnalysisJson", "io.trafficlab.api.TraceJson",
			"io.trafficlab.classroom.ClassJson", "io.trafficlab.classroom.DashboardJson");

	/**
	 * Spellings that are also ordinary names in the code: the YAML keys and parameters
	 * {@code node} and {@code pod}, an endpoint's {@code ready} and {@code terminating}
	 * conditions, a headless Service's {@code clusterIP: None}, the allocation key
	 * {@code clusterIP}, the iptables action {@code DNAT} in a sentence, the
	 * {@code client} a trace's first hop starts from, the {@code lesson} and
	 * {@code challenge} parameters and model names, a challenge file's {@code solution},
	 * the playground's {@code classroom=open}. They count only in classes that use the
	 * type they spell, where they would be a mapping by hand.
	 */
	private static final Set<String> ORDINARY_WORDS = Set.of("node", "pod", "ready", "terminating", "None", "clusterIP",
			"DNAT", "client", "lesson", "challenge", "open", "solution");

	/**
	 * Ordinary words in classes that also use the type they spell, each for a reason of
	 * its own.
	 */
	private static final Map<String, Set<String>> HOMONYMS = Map.of(
			// clusterIP: None, a headless Service (Service.HEADLESS_CLUSTER_IP, which
			// javac
			// copies into the classes that use it)
			"None",
			Set.of("io.trafficlab.engine.model.Service", "io.trafficlab.engine.apiserver.DeclaredService",
					"io.trafficlab.engine.apiserver.ServiceConversion",
					"io.trafficlab.engine.apiserver.ServiceValidation"),
			// the query parameter naming the node a packet arrives at
			"node", Set.of("io.trafficlab.api.TraceApiController"),
			// the AWS Load Balancer Controller's aws-load-balancer-type value
			"external", Set.of("io.trafficlab.engine.balancer.ClusterSetup"),
			// the place a pod's packet starts from, in a trace's hops
			"pod", Set.of("io.trafficlab.engine.proxy.TraceStory"),
			// the place an external packet starts from, in a trace's hops
			"client", Set.of("io.trafficlab.engine.proxy.TraceStory"),
			// a Service port's protocol (TCP, UDP, SCTP), not a load balancer's probe
			"TCP",
			Set.of("io.trafficlab.engine.apiserver.ServiceConversion", "io.trafficlab.engine.apiserver.ServiceDefaults",
					"io.trafficlab.engine.apiserver.ServiceValidation"),
			// the sandbox a page's requests name before its script has created it
			// (SandboxPageCreation.PENDING, which javac copies into the classes that use
			// it),
			// not a pod's phase
			"pending", Set.of("io.trafficlab.sandbox.SandboxPageCreation", "io.trafficlab.lesson.StepPages",
					"io.trafficlab.challenge.ChallengePageController"));

	@Test
	void spelledTypesShouldBeEnumsWithOneSpellingPerConstant() {
		List<Class<?>> spelled = spelledEnums();
		assertThat(spelled).hasSizeGreaterThanOrEqualTo(12);
		for (JavaClass type : PRODUCTION) {
			if (type.isAssignableTo(Spelled.class) && !type.isInterface()) {
				assertThat(type.isEnum() || type.getEnclosingClass().map(JavaClass::isEnum).orElse(false))
					.as(type.getName() + " is an enum")
					.isTrue();
			}
		}
		for (Class<?> type : spelled) {
			Set<String> spellings = new HashSet<>();
			for (Object constant : type.getEnumConstants()) {
				String spelling = ((Spelled) constant).apiName();
				assertThat(spelling).as(constant + " of " + type.getName()).isNotBlank();
				assertThat(spellings.add(spelling)).as(type.getName() + " spells \"" + spelling + "\" once").isTrue();
			}
		}
	}

	@Test
	void everyEnumOnTheWireShouldBeSpelled() throws ClassNotFoundException {
		List<Class<?>> roots = new ArrayList<>();
		for (String root : WIRE_ROOTS) {
			roots.add(Class.forName(root));
		}
		Set<Class<?>> wire = WireEnums.reachableFrom(roots.toArray(Class<?>[]::new));
		assertThat(wire).as("enums found on the wire").hasSizeGreaterThanOrEqualTo(8);
		for (Class<?> type : wire) {
			assertThat(Spelled.class.isAssignableFrom(type)).as(type.getName() + " travels, so it is Spelled").isTrue();
		}
	}

	@Test
	void noSpellingShouldBeWrittenOutsideItsType() throws IOException {
		Map<String, Class<?>> owners = new LinkedHashMap<>();
		for (Class<?> type : spelledEnums()) {
			for (Object constant : type.getEnumConstants()) {
				owners.put(((Spelled) constant).apiName(), type);
			}
		}
		// the scan reads literals: TrafficPolicy spells its values itself (Kubernetes'
		// spelling)
		URI ownSpellings = PRODUCTION.get(TrafficPolicy.class).getSource().orElseThrow().getUri();
		assertThat(stringConstants(ownSpellings)).as("the literals of TrafficPolicy").contains("Local", "Cluster");
		Set<String> violations = new TreeSet<>();
		for (JavaClass javaClass : PRODUCTION) {
			URI source = javaClass.getSource().orElseThrow().getUri();
			for (String literal : stringConstants(source)) {
				Class<?> owner = owners.get(literal);
				if (owner != null && !ownedBy(javaClass.getName(), owner)
						&& (!ORDINARY_WORDS.contains(literal) || uses(javaClass, owner))
						&& !HOMONYMS.getOrDefault(literal, Set.of()).contains(javaClass.getName())) {
					violations.add(javaClass.getName() + " writes \"" + literal + "\", the spelling of a "
							+ owner.getSimpleName() + ": use the constant");
				}
			}
		}
		assertThat(violations).isEmpty();
	}

	private static boolean uses(JavaClass javaClass, Class<?> type) {
		return javaClass.getDirectDependenciesFromSelf()
			.stream()
			.anyMatch((dependency) -> dependency.getTargetClass().isEquivalentTo(type));
	}

	private static boolean ownedBy(String className, Class<?> owner) {
		return className.equals(owner.getName()) || className.startsWith(owner.getName() + "$");
	}

	private static List<Class<?>> spelledEnums() {
		List<Class<?>> enums = new ArrayList<>();
		for (JavaClass type : PRODUCTION) {
			if (type.isEnum() && type.isAssignableTo(Spelled.class)) {
				enums.add(type.reflect());
			}
		}
		return enums;
	}

	/** The {@code CONSTANT_String} entries of a class file: its string literals. */
	private static List<String> stringConstants(URI classFile) throws IOException {
		try (InputStream stream = classFile.toURL().openStream();
				DataInputStream in = new DataInputStream(new BufferedInputStream(stream))) {
			in.readInt();
			in.readUnsignedShort();
			in.readUnsignedShort();
			int count = in.readUnsignedShort();
			String[] utf8 = new String[count];
			List<Integer> strings = new ArrayList<>();
			for (int i = 1; i < count; i++) {
				int tag = in.readUnsignedByte();
				switch (tag) {
					case 1 -> utf8[i] = in.readUTF();
					case 8 -> strings.add(in.readUnsignedShort());
					case 7, 16, 19, 20 -> in.skipBytes(2);
					case 15 -> in.skipBytes(3);
					case 3, 4, 9, 10, 11, 12, 17, 18 -> in.skipBytes(4);
					case 5, 6 -> {
						in.skipBytes(8);
						i++;
					}
					default -> throw new IllegalStateException("Unknown constant pool tag " + tag + " in " + classFile);
				}
			}
			return strings.stream().map((index) -> utf8[index]).toList();
		}
	}

}
