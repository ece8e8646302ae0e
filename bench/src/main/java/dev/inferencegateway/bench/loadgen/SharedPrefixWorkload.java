package dev.inferencegateway.bench.loadgen;

import dev.inferencegateway.epp.core.request.ApiType;
import java.util.SplittableRandom;

/**
 * {@code groups} groups of {@code promptsPerGroup} prompts; the prompts of a group share one long
 * system prompt (inference-perf's {@code shared_prefix} data). Each request picks a group and a
 * prompt at random.
 */
public final class SharedPrefixWorkload implements Workload {
  private final ApiType api;
  private final ModelMix models;
  private final int maxTokens;
  private final boolean stream;
  private final String[] systemPrompts;
  private final String[][] questions;
  private final long seed;
  private final int systemBytes;
  private final int questionBytes;

  /** Builds the prompts from {@code seed}. */
  public SharedPrefixWorkload(ApiType api, int groups, int promptsPerGroup, int systemBytes, int questionBytes,
      ModelMix models, int maxTokens, boolean stream, long seed) {
    if (groups < 1 || promptsPerGroup < 1) {
      throw new IllegalArgumentException("groups and prompts per group must be >= 1");
    }
    this.api = api;
    this.models = models;
    this.maxTokens = maxTokens;
    this.stream = stream;
    this.systemBytes = systemBytes;
    this.questionBytes = questionBytes;
    PromptText text = new PromptText(seed);
    SplittableRandom build = new SplittableRandom(seed);
    this.systemPrompts = new String[groups];
    this.questions = new String[groups][promptsPerGroup];
    for (int g = 0; g < groups; g++) {
      systemPrompts[g] = "group " + g + ": " + text.slice(build, systemBytes);
      for (int p = 0; p < promptsPerGroup; p++) {
        questions[g][p] = "question " + p + ": " + text.slice(build, questionBytes);
      }
    }
    this.seed = seed;
  }

  @Override
  public RequestSpec next(long sequence) {
    SplittableRandom random = PromptText.randomFor(seed, sequence);
    int group = random.nextInt(systemPrompts.length);
    int prompt = random.nextInt(questions[group].length);
    String model = models.pick(random);
    return new RequestSpec(model,
        PromptText.body(api, model, systemPrompts[group], questions[group][prompt], maxTokens, stream), stream);
  }

  @Override
  public String describe() {
    return String.format("shared prefix: %d groups x %d prompts, system prompt %,d B, question %,d B, %s,"
            + " max_tokens %d%s, models: %s", systemPrompts.length, questions[0].length, systemBytes, questionBytes,
        api == ApiType.CHAT_COMPLETIONS ? "chat" : "completions", maxTokens, stream ? ", streaming" : "", models);
  }
}
