package dev.inferencegateway.epp.plugins.producer.prefix;

/**
 * An open-addressing hash map from {@code long} to {@code int} with linear probing and
 * backward-shift deletion, so that block hashes are stored without boxing. Not thread-safe.
 */
final class LongIntMap {
  /** Returned by {@link #get} for an absent key; never stored as a value. */
  static final int MISSING = Integer.MIN_VALUE;

  private long[] keys;
  private int[] values;
  private int mask;
  private int size;

  LongIntMap(int expectedSize) {
    int capacity = Integer.highestOneBit(Math.max(4, expectedSize * 2 - 1)) << 1;
    keys = new long[capacity];
    values = new int[capacity];
    java.util.Arrays.fill(values, MISSING);
    mask = capacity - 1;
  }

  int size() {
    return size;
  }

  int get(long key) {
    int i = slot(key);
    while (values[i] != MISSING) {
      if (keys[i] == key) {
        return values[i];
      }
      i = (i + 1) & mask;
    }
    return MISSING;
  }

  void put(long key, int value) {
    int i = slot(key);
    while (values[i] != MISSING) {
      if (keys[i] == key) {
        values[i] = value;
        return;
      }
      i = (i + 1) & mask;
    }
    keys[i] = key;
    values[i] = value;
    if (++size * 2 > keys.length) {
      resize(keys.length * 2);
    }
  }

  void remove(long key) {
    int i = slot(key);
    while (values[i] != MISSING) {
      if (keys[i] == key) {
        deleteAt(i);
        size--;
        if (keys.length > 16 && size * 8 < keys.length) {
          resize(keys.length / 2);
        }
        return;
      }
      i = (i + 1) & mask;
    }
  }

  private void deleteAt(int hole) {
    int i = hole;
    int j = hole;
    while (true) {
      j = (j + 1) & mask;
      if (values[j] == MISSING) {
        values[i] = MISSING;
        return;
      }
      int home = slot(keys[j]);
      boolean movable = i <= j ? (home <= i || home > j) : (home <= i && home > j);
      if (movable) {
        keys[i] = keys[j];
        values[i] = values[j];
        i = j;
      }
    }
  }

  private void resize(int capacity) {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[capacity];
    values = new int[capacity];
    java.util.Arrays.fill(values, MISSING);
    mask = capacity - 1;
    for (int k = 0; k < oldKeys.length; k++) {
      if (oldValues[k] != MISSING) {
        int i = slot(oldKeys[k]);
        while (values[i] != MISSING) {
          i = (i + 1) & mask;
        }
        keys[i] = oldKeys[k];
        values[i] = oldValues[k];
      }
    }
  }

  private int slot(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }
}
