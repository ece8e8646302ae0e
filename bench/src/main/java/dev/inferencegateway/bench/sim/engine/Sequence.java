package dev.inferencegateway.bench.sim.engine;

/** One request's state inside the engine. Mutated only under the engine lock. */
final class Sequence {
  final long id;
  final GenerationRequest request;
  final TokenSink sink;
  final int promptTokens;
  final long[] blockHashes;
  final long arrivalNanos;
  long admittedNanos;
  long firstTokenNanos;
  long lastTokenNanos;
  int generated;
  int cachedTokens;
  KvAllocation allocation;
  boolean finished;

  Sequence(long id, GenerationRequest request, TokenSink sink, long[] blockHashes, long arrivalNanos) {
    this.id = id;
    this.request = request;
    this.sink = sink;
    this.promptTokens = request.promptTokens();
    this.blockHashes = blockHashes;
    this.arrivalNanos = arrivalNanos;
  }

  String adapter() {
    return request.adapter();
  }

  /** KV-cache blocks for the whole prompt and output. */
  int blocksNeeded(int blockSize) {
    int tokens = promptTokens + request.outputTokens();
    return (tokens + blockSize - 1) / blockSize;
  }

  /** Prompt blocks that may come from the cache: at least one prompt token is always computed. */
  int maxHitBlocks(int blockSize) {
    return Math.max(0, promptTokens - 1) / blockSize;
  }
}
