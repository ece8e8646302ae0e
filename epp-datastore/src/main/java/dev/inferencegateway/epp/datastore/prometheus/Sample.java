package dev.inferencegateway.epp.datastore.prometheus;

import java.util.Objects;

/**
 * One sample line of an exposition.
 *
 * @param name the sample name, including any suffix such as {@code _bucket}
 * @param labels the labels
 * @param value the value (may be NaN or infinite)
 * @param timestampMs the timestamp in Unix milliseconds, or {@link #NO_TIMESTAMP}
 */
public record Sample(String name, Labels labels, double value, long timestampMs) {
  /** The timestamp of a sample that carries none. */
  public static final long NO_TIMESTAMP = Long.MIN_VALUE;

  public Sample {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(labels, "labels");
  }

  /** Returns true when the exposition gave this sample a timestamp. */
  public boolean hasTimestamp() {
    return timestampMs != NO_TIMESTAMP;
  }
}
