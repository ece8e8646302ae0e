package dev.inferencegateway.epp.core.endpoint;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable snapshot of the metrics scraped from one model server.
 *
 * @param activeModels LoRA adapters currently running
 * @param waitingModels LoRA adapters that requests are waiting for
 * @param maxActiveModels the number of adapter slots ({@code max_lora})
 * @param runningRequests requests in the running batch
 * @param waitingQueueSize requests waiting in the queue
 * @param kvCacheUsage KV-cache utilisation in [0, 1]
 * @param kvCacheMaxTokenCapacity KV-cache capacity in tokens, 0 when unknown
 * @param cacheBlockSize tokens per KV-cache block, 0 when unknown
 * @param cacheNumBlocks number of KV-cache blocks on the GPU, 0 when unknown
 * @param updateTime when these values were last extracted; {@link Instant#EPOCH} when never
 */
public record ModelServerMetrics(
    Set<String> activeModels,
    Set<String> waitingModels,
    int maxActiveModels,
    int runningRequests,
    int waitingQueueSize,
    double kvCacheUsage,
    long kvCacheMaxTokenCapacity,
    int cacheBlockSize,
    int cacheNumBlocks,
    Instant updateTime) {

  /** Metrics of an endpoint that has never been scraped. */
  public static final ModelServerMetrics EMPTY =
      new ModelServerMetrics(Set.of(), Set.of(), 0, 0, 0, 0, 0, 0, 0, Instant.EPOCH);

  public ModelServerMetrics {
    activeModels = Set.copyOf(activeModels);
    waitingModels = Set.copyOf(waitingModels);
    Objects.requireNonNull(updateTime, "updateTime");
  }

  /** Returns true when the metrics were never updated or are older than {@code threshold}. */
  public boolean isStale(Instant now, Duration threshold) {
    return updateTime.equals(Instant.EPOCH) || Duration.between(updateTime, now).compareTo(threshold) > 0;
  }

  /** Returns a builder initialised with these values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds a {@link ModelServerMetrics}, typically from a previous snapshot. */
  public static final class Builder {
    private Set<String> activeModels;
    private Set<String> waitingModels;
    private int maxActiveModels;
    private int runningRequests;
    private int waitingQueueSize;
    private double kvCacheUsage;
    private long kvCacheMaxTokenCapacity;
    private int cacheBlockSize;
    private int cacheNumBlocks;
    private Instant updateTime;

    private Builder(ModelServerMetrics m) {
      activeModels = m.activeModels;
      waitingModels = m.waitingModels;
      maxActiveModels = m.maxActiveModels;
      runningRequests = m.runningRequests;
      waitingQueueSize = m.waitingQueueSize;
      kvCacheUsage = m.kvCacheUsage;
      kvCacheMaxTokenCapacity = m.kvCacheMaxTokenCapacity;
      cacheBlockSize = m.cacheBlockSize;
      cacheNumBlocks = m.cacheNumBlocks;
      updateTime = m.updateTime;
    }

    /** Sets the running adapters. */
    public Builder activeModels(Set<String> v) { activeModels = v; return this; }
    /** Sets the waiting adapters. */
    public Builder waitingModels(Set<String> v) { waitingModels = v; return this; }
    /** Sets the adapter slot count. */
    public Builder maxActiveModels(int v) { maxActiveModels = v; return this; }
    /** Sets the running request count. */
    public Builder runningRequests(int v) { runningRequests = v; return this; }
    /** Sets the waiting queue size. */
    public Builder waitingQueueSize(int v) { waitingQueueSize = v; return this; }
    /** Sets the KV-cache utilisation in [0, 1]. */
    public Builder kvCacheUsage(double v) { kvCacheUsage = v; return this; }
    /** Sets the KV-cache capacity in tokens. */
    public Builder kvCacheMaxTokenCapacity(long v) { kvCacheMaxTokenCapacity = v; return this; }
    /** Sets the tokens per KV block. */
    public Builder cacheBlockSize(int v) { cacheBlockSize = v; return this; }
    /** Sets the number of KV blocks. */
    public Builder cacheNumBlocks(int v) { cacheNumBlocks = v; return this; }
    /** Sets the update time. */
    public Builder updateTime(Instant v) { updateTime = v; return this; }

    /** Returns the snapshot. */
    public ModelServerMetrics build() {
      return new ModelServerMetrics(activeModels, waitingModels, maxActiveModels, runningRequests,
          waitingQueueSize, kvCacheUsage, kvCacheMaxTokenCapacity, cacheBlockSize, cacheNumBlocks,
          updateTime);
    }
  }
}
