package dev.inferencegateway.bench.sim.engine;

import java.util.ArrayList;
import java.util.List;

/** The KV-cache blocks one running request holds: shared cached blocks plus private ones. */
final class KvAllocation {
  private final int hitBlocks;
  private final List<Long> sharedHashes;
  private int privateBlocks;

  KvAllocation(int hitBlocks, List<Long> hitHashes, int privateBlocks) {
    this.hitBlocks = hitBlocks;
    this.sharedHashes = new ArrayList<>(hitHashes);
    this.privateBlocks = privateBlocks;
  }

  /** Leading prompt blocks found in the prefix cache when the request was admitted. */
  int hitBlocks() {
    return hitBlocks;
  }

  /** Hashes of the cached blocks this request references, in prompt order. */
  List<Long> sharedHashes() {
    return sharedHashes;
  }

  int privateBlocks() {
    return privateBlocks;
  }

  void convertPrivateToShared(long hash) {
    sharedHashes.add(hash);
    privateBlocks--;
  }
}
