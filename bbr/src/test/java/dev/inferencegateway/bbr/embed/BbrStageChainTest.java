package dev.inferencegateway.bbr.embed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import dev.inferencegateway.bbr.testing.Bodies;
import dev.inferencegateway.bbr.testing.ExtProcHarness;
import dev.inferencegateway.extproc.ExchangeChain;
import dev.inferencegateway.extproc.ExchangeHandler;
import dev.inferencegateway.extproc.ExchangeHandlerFactory;
import dev.inferencegateway.extproc.HeaderChanges;
import dev.inferencegateway.extproc.RequestContext;
import dev.inferencegateway.extproc.RequestOutcome;
import dev.inferencegateway.extproc.client.ExchangeOptions;
import dev.inferencegateway.extproc.client.RequestResult;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BBR as the first stage of an {@link ExchangeChain}, with a stand-in for the EPP after it. */
class BbrStageChainTest {
  @TempDir
  Path dir;

  private final List<RequestContext> seenByNextStage = new CopyOnWriteArrayList<>();
  private BbrStage stage;

  /** Picks an endpoint per base model, as an EPP per pool would, from the headers BBR set. */
  private final ExchangeHandlerFactory endpointPicker = () -> new ExchangeHandler() {
    @Override
    public RequestOutcome onRequest(RequestContext request) {
      seenByNextStage.add(request);
      String base = request.headers().get("x-gateway-base-model-name").orElse("");
      if (base.isEmpty()) {
        return new RequestOutcome.Reject(404, "inference error: NotFound - no pool serves this model",
            HeaderChanges.NONE);
      }
      String endpoint = base.startsWith("deepseek") ? "10.0.0.2:8000" : "10.0.0.1:8000";
      return new RequestOutcome.Forward(HeaderChanges.setting(Map.of("x-gateway-destination-endpoint", endpoint)),
          request.body(), false, Map.of("envoy.lb", Map.of("x-gateway-destination-endpoint", endpoint)));
    }
  };

  @BeforeEach
  void start() throws Exception {
    Path file = Bodies.writeSeedMappingFile(dir);
    stage = BbrStage.builder().staticMappings(file).metrics(new PrometheusRegistry()).start();
  }

  @AfterEach
  void stop() {
    stage.close();
  }

  @Test
  void nextStage_seesBbrHeaders_andTheGatewayGetsBoth() throws Exception {
    try (ExtProcHarness harness = new ExtProcHarness(ExchangeChain.of(List.of(stage.handlers(), endpointPicker)))) {
      for (String[] model : Bodies.SEED_MODELS) {
        String body = Bodies.chat(model[0]);
        RequestResult result = harness.post("/v1/chat/completions", body, 64, ExchangeOptions.fullDuplex());

        RequestContext seen = seenByNextStage.get(seenByNextStage.size() - 1);
        assertThat(seen.headers().get("x-gateway-model-name")).contains(model[0]);
        assertThat(seen.headers().get("x-gateway-base-model-name")).contains(model[1]);
        assertThat(seen.body()).isEqualTo(ByteString.copyFromUtf8(body));
        assertThat(result.header("x-gateway-model-name")).contains(model[0]);
        assertThat(result.header("x-gateway-base-model-name")).contains(model[1]);
        assertThat(result.header("x-gateway-destination-endpoint"))
            .contains(model[1].startsWith("deepseek") ? "10.0.0.2:8000" : "10.0.0.1:8000");
        assertThat(result.dynamicMetadata()).containsKey("envoy.lb");
        assertThat(result.body().toStringUtf8()).isEqualTo(body);
      }
    }
  }

  @Test
  void bbrRejection_stopsTheChainBeforeTheNextStage() throws Exception {
    try (ExtProcHarness harness = new ExtProcHarness(ExchangeChain.of(List.of(stage.handlers(), endpointPicker)))) {
      RequestResult result = harness.post("/v1/completions", "not json");

      assertThat(result.immediate()).hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(400));
      assertThat(seenByNextStage).isEmpty();
    }
  }

  @Test
  void withoutWholeBodyValidation_bbrStopsAtTheModel_andLeavesTheRestToTheNextStage() throws Exception {
    try (BbrStage partial = BbrStage.builder().staticMappings(dir.resolve("mappings.yaml"))
        .metrics(new PrometheusRegistry()).validateWholeBody(false).start();
        ExtProcHarness harness = new ExtProcHarness(ExchangeChain.of(List.of(partial.handlers(), endpointPicker)))) {
      RequestResult result = harness.post("/v1/completions", "{\"model\":\"food-review-1\",\"prompt\":[}");

      assertThat(result.header("x-gateway-base-model-name")).contains("meta-llama/Llama-3.1-8B-Instruct");
      assertThat(seenByNextStage).hasSize(1);
    }
  }

  @Test
  void invalidPluginSpec_failsAtStart_namingThePlugin() {
    assertThatThrownBy(() -> BbrStage.builder().metrics(new PrometheusRegistry())
        .plugins(List.of("body-field-to-header:model-extractor:{\"fieldName\":\"model\"}")).start())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("plugin 'model-extractor' (type: body-field-to-header): parameter 'headerName': is required");
  }
}
