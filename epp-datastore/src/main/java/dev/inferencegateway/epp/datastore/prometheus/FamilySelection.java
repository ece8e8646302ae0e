package dev.inferencegateway.epp.datastore.prometheus;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The metric families a parse should materialise; every other family is only syntax-checked.
 *
 * <p>Lookups compare raw bytes against a small open-addressing table, so deciding that a sample
 * line is not wanted allocates nothing.
 */
public final class FamilySelection {
  private static final FamilySelection ALL = new FamilySelection(List.of(), true);

  private final List<String> names;
  private final boolean all;
  private final byte[][] keys;
  private final int[] indexes;
  private final int mask;

  private FamilySelection(List<String> names, boolean all) {
    this.names = List.copyOf(names);
    this.all = all;
    int capacity = Integer.highestOneBit(Math.max(4, names.size() * 4) - 1) << 1;
    this.keys = new byte[capacity][];
    this.indexes = new int[capacity];
    this.mask = capacity - 1;
    for (int i = 0; i < names.size(); i++) {
      byte[] key = names.get(i).getBytes(StandardCharsets.UTF_8);
      int slot = mix(hash(key, 0, key.length)) & mask;
      while (keys[slot] != null) {
        slot = (slot + 1) & mask;
      }
      keys[slot] = key;
      indexes[slot] = i;
    }
  }

  /** Selects the families with the given names. */
  public static FamilySelection of(Collection<String> familyNames) {
    Set<String> unique = new LinkedHashSet<>(familyNames);
    return new FamilySelection(new ArrayList<>(unique), false);
  }

  /** Selects the families with the given names. */
  public static FamilySelection of(String... familyNames) {
    return of(List.of(familyNames));
  }

  /** Selects every family (for diagnostics and tests; it allocates per sample). */
  public static FamilySelection all() {
    return ALL;
  }

  /** Returns true when every family is selected. */
  public boolean selectsAll() {
    return all;
  }

  /** Returns the selected names (empty when {@link #selectsAll()}). */
  public List<String> names() {
    return names;
  }

  int size() {
    return names.size();
  }

  String name(int index) {
    return names.get(index);
  }

  /** Returns the index of the family named {@code b[from, to)} whose {@link #hash} is {@code hash}, or -1. */
  int indexOf(byte[] b, int from, int to, int hash) {
    int slot = mix(hash) & mask;
    byte[] key;
    while ((key = keys[slot]) != null) {
      if (Bytes.equalsAt(key, b, from, to)) {
        return indexes[slot];
      }
      slot = (slot + 1) & mask;
    }
    return -1;
  }

  /** The hash the parser computes incrementally while scanning a name. */
  static int hash(byte[] b, int from, int to) {
    int h = 0;
    for (int i = from; i < to; i++) {
      h = 31 * h + b[i];
    }
    return h;
  }

  private static int mix(int h) {
    return h ^ (h >>> 16) ^ (h >>> 7);
  }
}
