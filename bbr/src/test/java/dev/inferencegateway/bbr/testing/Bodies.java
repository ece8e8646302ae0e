package dev.inferencegateway.bbr.testing;

/** OpenAI request bodies for tests. */
public final class Bodies {
  /** The seed scenario's base models and adapters: {name, base model}. */
  public static final String[][] SEED_MODELS = {
      {"meta-llama/Llama-3.1-8B-Instruct", "meta-llama/Llama-3.1-8B-Instruct"},
      {"food-review-1", "meta-llama/Llama-3.1-8B-Instruct"},
      {"deepseek/vllm-deepseek-r1", "deepseek/vllm-deepseek-r1"},
      {"ski-resorts", "deepseek/vllm-deepseek-r1"},
      {"movie-critique", "deepseek/vllm-deepseek-r1"}};

  /** The static mapping file of the seed scenario. */
  public static final String SEED_MAPPING_FILE = """
      # base-model mappings of the seed scenario
      - baseModel: meta-llama/Llama-3.1-8B-Instruct
        adapters:
          - food-review-1
      - baseModel: deepseek/vllm-deepseek-r1
        adapters: [ski-resorts, movie-critique]
      """;

  private Bodies() {}

  /** Writes {@link #SEED_MAPPING_FILE} as {@code mappings.yaml} in {@code dir} and returns its path. */
  public static java.nio.file.Path writeSeedMappingFile(java.nio.file.Path dir) throws java.io.IOException {
    return java.nio.file.Files.writeString(dir.resolve("mappings.yaml"), SEED_MAPPING_FILE);
  }

  /** A chat completions body for {@code model}, with {@code model} last. */
  public static String chat(String model) {
    return "{\"messages\":[{\"role\":\"system\",\"content\":\"You are a critic.\"},"
        + "{\"role\":\"user\",\"content\":\"Review \\\"Dune\\\" in 3 lines.\"}],"
        + "\"max_tokens\":64,\"stream\":true,\"model\":\"" + model + "\"}";
  }

  /** A completions body for {@code model}, with {@code model} first. */
  public static String completion(String model) {
    return "{\"model\":\"" + model + "\",\"prompt\":\"Write as if you were a critic: San Francisco\","
        + "\"max_tokens\":100,\"temperature\":0}";
  }

  /** A chat body of at least {@code bytes} bytes, {@code model} first or last. */
  public static String largeChat(String model, int bytes, boolean modelFirst) {
    StringBuilder body = new StringBuilder(bytes + 256).append('{');
    if (modelFirst) {
      body.append("\"model\":\"").append(model).append("\",");
    }
    body.append("\"messages\":[");
    int i = 0;
    while (body.length() < bytes) {
      if (i > 0) {
        body.append(',');
      }
      body.append("{\"role\":\"").append(i % 2 == 0 ? "user" : "assistant")
          .append("\",\"content\":\"Message ").append(i)
          .append(": the quick brown fox jumps over the lazy dog, \\\"quoted\\\" and caf\\u00e9.\"}");
      i++;
    }
    body.append("],\"stream\":false");
    if (!modelFirst) {
      body.append(",\"model\":\"").append(model).append('"');
    }
    return body.append('}').toString();
  }
}
