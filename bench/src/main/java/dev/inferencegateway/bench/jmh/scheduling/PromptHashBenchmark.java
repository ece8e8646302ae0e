package dev.inferencegateway.bench.jmh.scheduling;

import dev.inferencegateway.epp.core.request.ByteSlice;
import dev.inferencegateway.epp.plugins.producer.prefix.PromptHasher;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The hashing share of a decision: the chained XXH64 block hashes of a 4 KB chat prompt (65
 * blocks of 64 bytes), as {@code approx-prefix-cache-producer} computes them for every request.
 *
 * <p>Run:
 * <pre>
 * mvn -B -ntp -o -pl bench -am -DskipTests -Pjmh \
 *   -Djmh.args="PromptHashBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s -prof gc" package
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PromptHashBenchmark {
  private final ByteSlice prompt = ByteSlice.of(("[{\"role\":\"system\",\"content\":\""
      + "You are a helpful assistant. ".repeat(70) + "\"},{\"role\":\"user\",\"content\":\""
      + "Summarise the fleet status. ".repeat(73) + "\"}]").getBytes(StandardCharsets.UTF_8));

  /** Hashes the prompt into 16-token blocks. */
  @Benchmark
  public long[] hashPrompt() {
    return PromptHasher.hash("meta-llama/Llama-3.1-8B-Instruct", "", prompt, 16, 256);
  }
}
