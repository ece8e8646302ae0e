/**
 * JMH benchmarks of one scheduling decision with the real plugins of {@code epp-scorers}.
 *
 * <p>Run with {@code mvn -B -ntp -o -pl bench -am -DskipTests -Pjmh
 * -Djmh.args="SchedulingBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s -prof gc" package}; results and
 * the machine they were taken on are in {@code bench/RESULTS.md}.
 */
package dev.inferencegateway.bench.jmh.scheduling;
