package dev.inferencegateway.bench.loadgen;

/**
 * Produces the requests of a run, deterministically from its seed. Safe to call from several
 * threads at once: each request depends only on the seed and its sequence number, so the load
 * generator builds bodies in parallel.
 */
public interface Workload {
  /** Returns the request with sequence number {@code sequence} (0, 1, 2, ...). */
  RequestSpec next(long sequence);

  /** Describes the workload for the report. */
  String describe();
}
