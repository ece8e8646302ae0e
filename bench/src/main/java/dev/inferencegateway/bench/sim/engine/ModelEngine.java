package dev.inferencegateway.bench.sim.engine;

import dev.inferencegateway.bench.sim.time.SimTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.random.RandomGenerator;

/**
 * A simulated serving engine (one vLLM instance): a waiting queue in arrival order, a continuous
 * batch of at most max-num-seqs running requests, LoRA adapters in max-loras GPU slots, a paged
 * KV cache with prefix reuse, and a latency model that runs on a {@link SimTime}.
 *
 * <p>Admission goes through the waiting queue in order, skipping requests whose adapter is not
 * loaded (so requests for loaded adapters go first) and stopping at the first request whose blocks
 * do not fit. Adapters that waiting requests need are loaded in order of first demand while a slot
 * is free or an idle, undemanded adapter can be evicted. All state changes happen under one lock;
 * sinks are called with it held.
 */
public final class ModelEngine {
  private static final int LORA_SERIES_KEPT = 16;

  private final EngineConfig config;
  private final SimTime time;
  private final LatencyModel latency;
  private final ReentrantLock lock = new ReentrantLock();
  private final KvBlockCache kvCache;
  private final LoraSlots loras;
  private final LoraInfoHistory loraInfo = new LoraInfoHistory(LORA_SERIES_KEPT);
  private final EngineStats stats = new EngineStats();
  private final List<Sequence> waiting = new ArrayList<>();
  private final Map<Long, Sequence> running = new LinkedHashMap<>();
  private final boolean loraEnabled;
  private long nextId;

  /**
   * Creates an idle engine.
   *
   * @param loraEnabled whether the engine serves adapters (and exposes {@code vllm:lora_requests_info})
   * @param random the seeded source of latency jitter
   */
  public ModelEngine(EngineConfig config, boolean loraEnabled, SimTime time, RandomGenerator random) {
    this.config = config;
    this.time = time;
    this.loraEnabled = loraEnabled;
    this.latency = new LatencyModel(config.latency(), config.maxNumSeqs(), random);
    this.kvCache = new KvBlockCache(config.numGpuBlocks());
    this.loras = new LoraSlots(config.maxLoras());
    if (loraEnabled) {
      loraInfo.record("", "", time.epochSeconds());
    }
  }

  /** The engine's configuration. */
  public EngineConfig config() {
    return config;
  }

  /**
   * Queues a generation and schedules what can run.
   *
   * @return the request's id, for {@link #abort(long)}
   * @throws EngineRejectedException if the queue is full or the request can never fit in the KV cache
   */
  public long submit(GenerationRequest request, TokenSink sink) throws EngineRejectedException {
    String scope = request.adapter() == null ? "" : request.adapter();
    long[] hashes = PromptBlocks.hash(scope, request.cacheSalt(), request.prompt(), config.blockSize());
    lock.lock();
    try {
      Sequence seq = new Sequence(nextId++, request, sink, hashes, time.nanoTime());
      if (seq.blocksNeeded(config.blockSize()) > config.numGpuBlocks()) {
        throw new EngineRejectedException(EngineRejectedException.Reason.EXCEEDS_KV_CAPACITY,
            "prompt and output need " + seq.blocksNeeded(config.blockSize()) + " KV-cache blocks but the engine has "
                + config.numGpuBlocks());
      }
      if (waiting.size() >= config.maxWaitingQueueLength()) {
        throw new EngineRejectedException(EngineRejectedException.Reason.QUEUE_FULL,
            "waiting requests queue is full (" + config.maxWaitingQueueLength() + ")");
      }
      waiting.add(seq);
      schedule();
      return seq.id;
    } finally {
      lock.unlock();
    }
  }

  /** Aborts a waiting or running request; its sink gets {@link TokenSink#onAbort}. No-op if it is done. */
  public void abort(long id, String reason) {
    locked(() -> {
      Sequence seq = running.get(id);
      if (seq == null) {
        seq = waiting.stream().filter(s -> s.id == id).findFirst().orElse(null);
      }
      if (seq != null) {
        abortOne(seq, reason);
        schedule();
      }
    });
  }

  /** Aborts every request and empties the KV cache and adapter slots, as a restarted pod would be. */
  public void reset(String reason) {
    locked(() -> {
      for (Sequence seq : new ArrayList<>(running.values())) {
        abortOne(seq, reason);
      }
      for (Sequence seq : new ArrayList<>(waiting)) {
        abortOne(seq, reason);
      }
      kvCache.clear();
      loras.clear();
      recordLoraInfo();
    });
  }

  /** The current state. */
  public EngineSnapshot snapshot() {
    lock.lock();
    try {
      return new EngineSnapshot(running.size(), waiting.size(), kvCache.usage(), config.blockSize(),
          config.numGpuBlocks(), kvCache.cachedBlocks(), config.maxLoras(), loras.loaded(),
          List.copyOf(waitingAdapters()), loraEnabled ? loraInfo.snapshot() : List.of(), stats.counters(),
          stats.histograms());
    } finally {
      lock.unlock();
    }
  }

  private void schedule() {
    admitReady();
    startAdapterLoads();
    recordLoraInfo();
  }

  private void admitReady() {
    Iterator<Sequence> it = waiting.iterator();
    while (running.size() < config.maxNumSeqs() && it.hasNext()) {
      Sequence seq = it.next();
      if (!loras.isLoaded(seq.adapter())) {
        continue;
      }
      KvAllocation allocation = kvCache.allocate(seq.blockHashes, seq.maxHitBlocks(config.blockSize()),
          seq.blocksNeeded(config.blockSize()));
      if (allocation == null) {
        return;
      }
      it.remove();
      admit(seq, allocation);
    }
  }

  private void admit(Sequence seq, KvAllocation allocation) {
    long now = time.nanoTime();
    seq.allocation = allocation;
    seq.admittedNanos = now;
    seq.cachedTokens = Math.min(allocation.hitBlocks() * config.blockSize(), seq.promptTokens);
    running.put(seq.id, seq);
    loras.acquire(seq.adapter(), now);
    stats.admitted(seq.promptTokens, seq.cachedTokens);
    stats.queueTime.observe(seconds(now - seq.arrivalNanos));
    Duration prefill = latency.prefill(seq.promptTokens - seq.cachedTokens, running.size());
    time.schedule(prefill, () -> locked(() -> onPrefilled(seq)));
  }

  private void startAdapterLoads() {
    Set<String> demanded = new LinkedHashSet<>();
    for (Sequence seq : waiting) {
      if (seq.adapter() != null) {
        demanded.add(seq.adapter());
      }
    }
    for (String adapter : demanded) {
      if (loras.isResident(adapter)) {
        continue;
      }
      long ticket = loras.tryStartLoading(adapter, demanded, time.nanoTime());
      if (ticket < 0) {
        return;
      }
      time.schedule(latency.loraLoad(), () -> locked(() -> onAdapterLoaded(adapter, ticket)));
    }
  }

  private void onAdapterLoaded(String adapter, long ticket) {
    loras.finishLoading(adapter, ticket, time.nanoTime());
    schedule();
  }

  private void onPrefilled(Sequence seq) {
    if (seq.finished) {
      return;
    }
    long now = time.nanoTime();
    kvCache.commitPrompt(seq.allocation, seq.blockHashes);
    stats.prefilled(seq.promptTokens);
    seq.firstTokenNanos = now;
    stats.timeToFirstToken.observe(seconds(now - seq.arrivalNanos));
    stats.prefillTime.observe(seconds(now - seq.admittedNanos));
    emitToken(seq, now);
  }

  private void onDecodeStep(Sequence seq) {
    if (seq.finished) {
      return;
    }
    long now = time.nanoTime();
    stats.interTokenLatency.observe(seconds(now - seq.lastTokenNanos));
    emitToken(seq, now);
  }

  private void emitToken(Sequence seq, long now) {
    seq.lastTokenNanos = now;
    stats.generated();
    seq.sink.onToken(seq.generated++);
    if (seq.generated >= seq.request.outputTokens()) {
      finish(seq, now);
    } else {
      time.schedule(latency.interToken(running.size()), () -> locked(() -> onDecodeStep(seq)));
    }
  }

  private void finish(Sequence seq, long now) {
    release(seq);
    String reason = seq.request.finishReason();
    stats.finished(reason);
    stats.endToEnd.observe(seconds(now - seq.arrivalNanos));
    stats.decodeTime.observe(seconds(now - seq.firstTokenNanos));
    seq.sink.onComplete(new Completion(seq.promptTokens, seq.cachedTokens, seq.generated, reason,
        Duration.ofNanos(seq.admittedNanos - seq.arrivalNanos), Duration.ofNanos(seq.firstTokenNanos - seq.arrivalNanos),
        Duration.ofNanos(now - seq.arrivalNanos)));
    schedule();
  }

  private void abortOne(Sequence seq, String reason) {
    if (running.containsKey(seq.id)) {
      release(seq);
    } else {
      waiting.remove(seq);
      seq.finished = true;
    }
    stats.finished("abort");
    seq.sink.onAbort(reason);
  }

  private void release(Sequence seq) {
    seq.finished = true;
    running.remove(seq.id);
    kvCache.release(seq.allocation);
    loras.release(seq.adapter(), time.nanoTime());
  }

  private List<String> waitingAdapters() {
    Set<String> out = new TreeSet<>();
    for (Sequence seq : waiting) {
      if (seq.adapter() != null && !loras.isLoaded(seq.adapter())) {
        out.add(seq.adapter());
      }
    }
    return List.copyOf(out);
  }

  private void recordLoraInfo() {
    if (loraEnabled) {
      loraInfo.record(String.join(",", loras.loaded()), String.join(",", waitingAdapters()), time.epochSeconds());
    }
  }

  private void locked(Runnable action) {
    lock.lock();
    try {
      action.run();
    } finally {
      lock.unlock();
    }
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }
}
