package io.trafficlab.engine.cluster;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deleted pod's timeline as kubelet runs it ({@code killContainer}): the preStop hook
 * first, then SIGTERM, the grace period capping both with at least 2 s for SIGTERM; the
 * app's own behaviour on SIGTERM read from its command line.
 */
class PodShutdownTests {

	private static final String AGNHOST = "registry.k8s.io/e2e-test-images/agnhost:2.53";

	private static final long DEFAULT_GRACE = 30_000_000L;

	@ParameterizedTest(name = "grace {0}, preStop {1}, args {2}: serves {3} s, gone after {4} s")
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			# grace | preStop sleep | netexec args                        | serves s | gone s
			  -     | -             | --http-port=8080                    | 0        | 0
			  -     | 15            | --http-port=8080                    | 15       | 15
			  -     | -             | --delay-shutdown=10                 | 10       | 10
			  -     | -             | --delay-shutdown 10                 | 10       | 10
			  -     | 15            | --delay-shutdown=10                 | 25       | 25
			  -     | -             | --delay-shutdown=60                 | 30       | 30
			  60    | -             | --delay-shutdown=45                 | 45       | 45
			  10    | 25            | --http-port=8080                    | 10       | 10
			  10    | 25            | --delay-shutdown=5                  | 12       | 12
			  10    | 8             | --delay-shutdown=5                  | 10       | 10
			  0     | -             | --delay-shutdown=5                  | 2        | 2
			  -     | -             | --delay-shutdown=-3                 | 0        | 0
			""")
	void aNetexecPodShouldServeWhatItsPreStopAndDelayAllowWithinTheGracePeriod(Long grace, Long preStop, String flags,
			long serves, long gone) {
		List<String> args = new java.util.ArrayList<>(List.of("netexec"));
		args.addAll(List.of(flags.split(" ")));
		ContainerShutdown web = ContainerShutdown.of("web", AGNHOST, List.of(), args,
				(preStop != null) ? PreStopHook.sleep(preStop) : null);
		PodShutdown.Timeline timeline = new PodShutdown(grace, List.of(web)).timeline(DEFAULT_GRACE);
		assertThat(timeline.servingMicros()).isEqualTo(serves * 1_000_000L);
		assertThat(timeline.goneMicros()).isEqualTo(gone * 1_000_000L);
	}

	@Test
	void theReasonShouldSayWhatEndedTheServing() {
		ContainerShutdown atOnce = ContainerShutdown.of("web", AGNHOST, List.of(), List.of("netexec"), null);
		assertThat(new PodShutdown(null, List.of(atOnce)).timeline(DEFAULT_GRACE).why()).isEqualTo(
				"web: the app exited on SIGTERM (agnhost netexec exits at once on SIGTERM (no --delay-shutdown))");
		ContainerShutdown slept = ContainerShutdown.of("web", AGNHOST, List.of(), List.of("netexec"),
				PreStopHook.sleep(15));
		assertThat(new PodShutdown(null, List.of(slept)).timeline(DEFAULT_GRACE).why())
			.isEqualTo("web: preStop sleep 15 s ended, then the app exited on SIGTERM (agnhost netexec exits at once "
					+ "on SIGTERM (no --delay-shutdown))");
		ContainerShutdown delayed = ContainerShutdown.of("web", AGNHOST, List.of(),
				List.of("netexec", "--delay-shutdown=40"), null);
		assertThat(new PodShutdown(null, List.of(delayed)).timeline(DEFAULT_GRACE).why())
			.isEqualTo("web: SIGKILL ended it after SIGTERM and a 30 s window (agnhost netexec --delay-shutdown=40 "
					+ "keeps serving 40 s after SIGTERM)");
	}

	@Test
	void anotherImageShouldBeAssumedToExitAtOnce() {
		ContainerShutdown nginx = ContainerShutdown.of("web", "nginx:1.27", List.of(), List.of(), null);
		assertThat(nginx.sigtermSeconds()).isZero();
		assertThat(nginx.onSigterm()).isEqualTo("the app (nginx:1.27) is assumed to exit at once on SIGTERM");
		// the flag means nothing to another program
		ContainerShutdown other = ContainerShutdown.of("web", "example/app", List.of(),
				List.of("netexec", "--delay-shutdown=30"), null);
		assertThat(other.sigtermSeconds()).isZero();
	}

	@ParameterizedTest(name = "{0}: {1} s")
	@CsvSource(delimiter = '|', textBlock = """
			sleep,15                  | 15
			/bin/sleep,20             | 20
			/bin/sh,-c,sleep 10       | 10
			sh,-c,sleep 7s            | 7
			bash,-c,sleep 5           | 5
			/bin/sh,-c,sleep 5 && nginx -s quit | 0
			/app/drain                | 0
			""")
	void anExecHookShouldWaitOnlyWhenItIsASleep(String command, long seconds) {
		PreStopHook hook = PreStopHook.exec(List.of(command.split(",")));
		assertThat(hook.seconds()).isEqualTo(seconds);
		assertThat(hook.handler()).isEqualTo("exec");
	}

	@Test
	void anHttpGetHookShouldBeTakenToFinishAtOnce() {
		assertThat(PreStopHook.other("httpGet").seconds()).isZero();
		assertThat(PreStopHook.other("httpGet").describe()).isEqualTo("preStop httpGet (taken to finish at once)");
	}

	@Test
	void thePodShouldStopServingWithItsFirstContainerAndGoWithItsLast() {
		ContainerShutdown web = ContainerShutdown.of("web", AGNHOST, List.of(), List.of("netexec"), null);
		ContainerShutdown sidecar = ContainerShutdown.of("proxy", "envoyproxy/envoy", List.of(), List.of(),
				PreStopHook.sleep(20));
		PodShutdown.Timeline timeline = new PodShutdown(null, List.of(web, sidecar)).timeline(DEFAULT_GRACE);
		assertThat(timeline.servingMicros()).isZero();
		assertThat(timeline.goneMicros()).isEqualTo(20_000_000L);
		assertThat(timeline.why()).startsWith("web: ");
	}

	@Test
	void aPodDeclaredWithoutContainersShouldServeUntilItsGracePeriodEnds() {
		PodShutdown.Timeline timeline = PodShutdown.UNDECLARED.timeline(DEFAULT_GRACE);
		assertThat(timeline.servingMicros()).isEqualTo(DEFAULT_GRACE);
		assertThat(timeline.goneMicros()).isEqualTo(DEFAULT_GRACE);
		assertThat(new PodShutdown(45L, List.of()).timeline(DEFAULT_GRACE).goneMicros()).isEqualTo(45_000_000L);
	}

}
