/**
 * JMH benchmarks of the Body-Based Router's request path: the single validating pass that finds
 * {@code model}, and the whole default chain behind one ext_proc exchange.
 *
 * <p>Run: {@code mvn -B -ntp -o -pl bench -am -DskipTests -Pjmh
 * -Djmh.args="BbrBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s" package}. Results are sampled times per
 * body ({@code SampleTime}); read the {@code p0.50} line of each case as its median. The goal is a
 * 220 KB body in at most 0.5 ms.
 */
package dev.inferencegateway.bench.jmh.bbr;
