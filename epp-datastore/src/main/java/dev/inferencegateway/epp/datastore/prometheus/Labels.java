package dev.inferencegateway.epp.datastore.prometheus;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The immutable label set of one sample, in exposition order. */
public final class Labels {
  /** The empty label set. */
  public static final Labels EMPTY = new Labels(new String[0]);

  private final String[] namesAndValues;

  private Labels(String[] namesAndValues) {
    this.namesAndValues = namesAndValues;
  }

  /**
   * Creates a label set from alternating names and values.
   *
   * @throws IllegalArgumentException when the count is odd or a name repeats
   */
  public static Labels of(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("labels need name/value pairs");
    }
    for (int i = 0; i < namesAndValues.length; i += 2) {
      for (int j = 0; j < i; j += 2) {
        if (namesAndValues[i].equals(namesAndValues[j])) {
          throw new IllegalArgumentException("duplicate label name '" + namesAndValues[i] + "'");
        }
      }
    }
    return namesAndValues.length == 0 ? EMPTY : new Labels(namesAndValues.clone());
  }

  static Labels wrap(String[] namesAndValues) {
    return namesAndValues.length == 0 ? EMPTY : new Labels(namesAndValues);
  }

  /** Returns the number of labels. */
  public int size() {
    return namesAndValues.length / 2;
  }

  /** Returns the name of the {@code i}-th label. */
  public String name(int i) {
    return namesAndValues[2 * i];
  }

  /** Returns the value of the {@code i}-th label. */
  public String value(int i) {
    return namesAndValues[2 * i + 1];
  }

  /** Returns the value of label {@code name}, if present. */
  public Optional<String> get(String name) {
    return Optional.ofNullable(valueOrNull(name));
  }

  /** Returns the value of label {@code name}, or null when absent. */
  public String valueOrNull(String name) {
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (namesAndValues[i].equals(name)) {
        return namesAndValues[i + 1];
      }
    }
    return null;
  }

  /** Returns true when every entry of {@code required} is present with the same value. */
  public boolean containsAll(Map<String, String> required) {
    for (Map.Entry<String, String> e : required.entrySet()) {
      if (!e.getValue().equals(valueOrNull(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** Returns the labels as an insertion-ordered map. */
  public Map<String, String> asMap() {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      out.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Labels other && Arrays.equals(namesAndValues, other.namesAndValues);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(namesAndValues);
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("{");
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (i > 0) {
        out.append(',');
      }
      out.append(namesAndValues[i]).append("=\"").append(namesAndValues[i + 1]).append('"');
    }
    return out.append('}').toString();
  }
}
