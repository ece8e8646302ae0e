package dev.inferencegateway.bench.sim.engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The GPU slots for LoRA adapters ({@code max-loras}): an adapter must be loaded into a slot
 * before its requests run; loading takes time; when every slot is taken, the least recently used
 * adapter that has no running request and no waiting demand is evicted to make room.
 *
 * <p>Not thread-safe: the engine calls it under its lock.
 */
final class LoraSlots {
  private final int maxLoras;
  private final Map<String, Slot> resident = new LinkedHashMap<>();
  private long nextTicket;

  LoraSlots(int maxLoras) {
    this.maxLoras = maxLoras;
  }

  /** True for the base model (null) and for adapters loaded in a slot. */
  boolean isLoaded(String adapter) {
    if (adapter == null) {
      return true;
    }
    Slot slot = resident.get(adapter);
    return slot != null && slot.loaded;
  }

  /** True if {@code adapter} is loaded or loading. */
  boolean isResident(String adapter) {
    return resident.containsKey(adapter);
  }

  /**
   * Starts loading {@code adapter} into a free slot, evicting an idle adapter outside
   * {@code demanded} if none is free.
   *
   * @return the load's ticket for {@link #finishLoading}, or -1 if every slot holds an adapter that
   *     is loading, running or in demand
   */
  long tryStartLoading(String adapter, Set<String> demanded, long nowNanos) {
    if (resident.size() >= maxLoras) {
      String victim = null;
      long oldest = Long.MAX_VALUE;
      for (Map.Entry<String, Slot> e : resident.entrySet()) {
        Slot slot = e.getValue();
        if (slot.loaded && slot.running == 0 && !demanded.contains(e.getKey()) && slot.lastUsed < oldest) {
          victim = e.getKey();
          oldest = slot.lastUsed;
        }
      }
      if (victim == null) {
        return -1;
      }
      resident.remove(victim);
    }
    long ticket = nextTicket++;
    resident.put(adapter, new Slot(ticket, nowNanos));
    return ticket;
  }

  /** Marks the load {@code ticket} of {@code adapter} done (no-op if the slot was dropped meanwhile). */
  void finishLoading(String adapter, long ticket, long nowNanos) {
    Slot slot = resident.get(adapter);
    if (slot != null && slot.ticket == ticket) {
      slot.loaded = true;
      slot.lastUsed = nowNanos;
    }
  }

  /** Counts a request of {@code adapter} (null = base model) as running. */
  void acquire(String adapter, long nowNanos) {
    if (adapter != null) {
      Slot slot = resident.get(adapter);
      slot.running++;
      slot.lastUsed = nowNanos;
    }
  }

  /** Counts a request of {@code adapter} (null = base model) as finished. */
  void release(String adapter, long nowNanos) {
    if (adapter != null) {
      Slot slot = resident.get(adapter);
      slot.running--;
      slot.lastUsed = nowNanos;
    }
  }

  /** Loaded adapters, sorted by name. */
  List<String> loaded() {
    return resident.entrySet().stream().filter(e -> e.getValue().loaded).map(Map.Entry::getKey).sorted().toList();
  }

  int maxLoras() {
    return maxLoras;
  }

  /** Unloads every adapter; only valid when no request runs. */
  void clear() {
    resident.clear();
  }

  private static final class Slot {
    private final long ticket;
    private boolean loaded;
    private int running;
    private long lastUsed;

    private Slot(long ticket, long nowNanos) {
      this.ticket = ticket;
      this.lastUsed = nowNanos;
    }
  }
}
