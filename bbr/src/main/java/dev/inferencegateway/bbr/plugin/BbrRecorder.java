package dev.inferencegateway.bbr.plugin;

/** The sink for the events BBR plugins count; every method defaults to a no-op. */
public interface BbrRecorder {
  /** A recorder that drops everything. */
  BbrRecorder NOOP = new BbrRecorder() {};

  /** Counts a request whose body lacks {@code field} ({@code bbr_body_field_not_found_total}). */
  default void bodyFieldNotFound(String field) {}

  /** Counts a request whose {@code field} is null or empty ({@code bbr_body_field_empty_total}). */
  default void bodyFieldEmpty(String field) {}
}
