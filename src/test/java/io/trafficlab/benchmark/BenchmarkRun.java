package io.trafficlab.benchmark;

import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How long every JMH benchmark here runs, so the README's figures compare: one fork,
 * three 2-second warm-up iterations, five 2-second measured ones. JMH's annotations are
 * inherited; each benchmark keeps its own mode, unit and state scope.
 */
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public abstract class BenchmarkRun {

}
