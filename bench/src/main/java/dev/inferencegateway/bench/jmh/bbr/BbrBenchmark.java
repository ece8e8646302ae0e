package dev.inferencegateway.bench.jmh.bbr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import dev.inferencegateway.bbr.body.BodyParseException;
import dev.inferencegateway.bbr.body.BodyScan;
import dev.inferencegateway.bbr.body.JsonBodyScanner;
import dev.inferencegateway.bbr.embed.BbrStage;
import dev.inferencegateway.extproc.BodyMode;
import dev.inferencegateway.extproc.ExchangeHandlerFactory;
import dev.inferencegateway.extproc.HttpHeadersView;
import dev.inferencegateway.extproc.RequestContext;
import dev.inferencegateway.extproc.RequestOutcome;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The BBR request path for 1 KB, 220 KB and 5 MB chat bodies with {@code model} first or last:
 * {@code scan} is the single streaming pass that finds {@code model} and validates the whole JSON;
 * {@code defaultChain} is one exchange of the default chain (scan, both plugins, metrics);
 * {@code jacksonTree} is the full tree parse that upstream-style parsing would do, for comparison.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class BbrBenchmark {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Param({"1024", "225280", "5242880"})
  int bodyBytes;

  @Param({"first", "last"})
  String model;

  private ByteString body;
  private JsonBodyScanner scanner;
  private ExchangeHandlerFactory router;
  private BbrStage stage;
  private Path mappingFile;
  private HttpHeadersView headers;

  /** Builds the body, the scanner and a BBR stage over the seed scenario's mappings. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    body = ChatBodies.asReceived(ChatBodies.chat("movie-critique", bodyBytes, model.equals("first")));
    scanner = new JsonBodyScanner(Set.of("model"), true);
    mappingFile = Files.createTempFile("bbr-mappings", ".yaml");
    Files.writeString(mappingFile, """
        - baseModel: meta-llama/Llama-3.1-8B-Instruct
          adapters: [food-review-1]
        - baseModel: deepseek/vllm-deepseek-r1
          adapters: [ski-resorts, movie-critique]
        """);
    stage = BbrStage.builder().staticMappings(mappingFile).metrics(new PrometheusRegistry()).start();
    router = stage.handlers();
    headers = HttpHeadersView.of(Map.of(":method", "POST", ":path", "/v1/chat/completions",
        "content-type", "application/json"));
  }

  /** Stops the stage and removes the mapping file. */
  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    stage.close();
    Files.deleteIfExists(mappingFile);
  }

  /** One validating pass that finds {@code model}. */
  @Benchmark
  public BodyScan scan() throws BodyParseException {
    return scanner.scan(body);
  }

  /** One request through the default chain, as the ext_proc engine calls it. */
  @Benchmark
  public RequestOutcome defaultChain() {
    return router.newExchange().onRequest(new RequestContext(headers, body, true, Map.of(),
        BodyMode.FULL_DUPLEX_STREAMED));
  }

  /** A full Jackson tree of the body, for comparison. */
  @Benchmark
  public JsonNode jacksonTree() throws IOException {
    return MAPPER.readTree(body.newInput());
  }
}
