package dev.inferencegateway.epp.plugins.producer.prefix;

/**
 * An open-addressing hash map from {@code long} to {@code long} with linear probing and
 * backward-shift deletion, so that block hashes are stored without boxing. Each slot keeps its
 * key and value side by side in one array, so a probe touches one cache line, and the table
 * grows at three quarters full. Not thread-safe.
 */
final class LongLongMap {
  /** Returned by {@link #get} for an absent key; never stored as a value. */
  static final long MISSING = Long.MIN_VALUE;

  /* Slot s holds its key at 2s and its value at 2s + 1; an empty slot holds MISSING as value. */
  private long[] slots;
  private int mask;
  private int size;

  LongLongMap(int expectedSize) {
    allocate(Integer.highestOneBit(Math.max(4, expectedSize * 2 - 1)) << 1);
  }

  int size() {
    return size;
  }

  long get(long key) {
    long[] table = slots;
    int i = slot(key);
    while (true) {
      long value = table[2 * i + 1];
      if (value == MISSING) {
        return MISSING;
      }
      if (table[2 * i] == key) {
        return value;
      }
      i = (i + 1) & mask;
    }
  }

  void put(long key, long value) {
    int i = slot(key);
    while (slots[2 * i + 1] != MISSING) {
      if (slots[2 * i] == key) {
        slots[2 * i + 1] = value;
        return;
      }
      i = (i + 1) & mask;
    }
    slots[2 * i] = key;
    slots[2 * i + 1] = value;
    if (++size * 4 > capacity() * 3) {
      resize(capacity() * 2);
    }
  }

  void remove(long key) {
    int i = slot(key);
    while (slots[2 * i + 1] != MISSING) {
      if (slots[2 * i] == key) {
        deleteAt(i);
        size--;
        if (capacity() > 16 && size * 8 < capacity()) {
          resize(capacity() / 2);
        }
        return;
      }
      i = (i + 1) & mask;
    }
  }

  private int capacity() {
    return mask + 1;
  }

  private void deleteAt(int hole) {
    int i = hole;
    int j = hole;
    while (true) {
      j = (j + 1) & mask;
      if (slots[2 * j + 1] == MISSING) {
        slots[2 * i + 1] = MISSING;
        return;
      }
      int home = slot(slots[2 * j]);
      boolean movable = i <= j ? (home <= i || home > j) : (home <= i && home > j);
      if (movable) {
        slots[2 * i] = slots[2 * j];
        slots[2 * i + 1] = slots[2 * j + 1];
        i = j;
      }
    }
  }

  private void resize(int capacity) {
    long[] old = slots;
    allocate(capacity);
    for (int k = 0; k < old.length; k += 2) {
      if (old[k + 1] != MISSING) {
        int i = slot(old[k]);
        while (slots[2 * i + 1] != MISSING) {
          i = (i + 1) & mask;
        }
        slots[2 * i] = old[k];
        slots[2 * i + 1] = old[k + 1];
      }
    }
  }

  private void allocate(int capacity) {
    slots = new long[2 * capacity];
    for (int i = 1; i < slots.length; i += 2) {
      slots[i] = MISSING;
    }
    mask = capacity - 1;
  }

  private int slot(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }
}
