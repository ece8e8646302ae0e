package dev.inferencegateway.bench.loadgen;

import dev.inferencegateway.epp.core.request.ApiType;
import java.util.SplittableRandom;

/** Requests of one fixed body size with a unique random prompt each (no shared prefixes). */
public final class FixedSizeWorkload implements Workload {
  private final ApiType api;
  private final int bodyBytes;
  private final ModelMix models;
  private final int maxTokens;
  private final boolean stream;
  private final PromptText text;
  private final long seed;

  /** Bodies of {@code bodyBytes} for {@code api}, models drawn from {@code models}, from {@code seed}. */
  public FixedSizeWorkload(ApiType api, int bodyBytes, ModelMix models, int maxTokens, boolean stream, long seed) {
    this.api = api;
    this.bodyBytes = bodyBytes;
    this.models = models;
    this.maxTokens = maxTokens;
    this.stream = stream;
    this.text = new PromptText(seed);
    this.seed = seed;
  }

  @Override
  public RequestSpec next(long sequence) {
    SplittableRandom random = PromptText.randomFor(seed, sequence);
    String model = models.pick(random);
    return new RequestSpec(model,
        text.sizedBody(api, model, maxTokens, stream, bodyBytes, "request " + sequence + ": ", random), stream);
  }

  @Override
  public String describe() {
    return String.format("fixed %,d-byte %s bodies, max_tokens %d%s, models: %s", bodyBytes,
        api == ApiType.CHAT_COMPLETIONS ? "chat" : "completions", maxTokens, stream ? ", streaming" : "", models);
  }
}
