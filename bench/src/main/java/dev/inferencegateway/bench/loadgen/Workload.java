package dev.inferencegateway.bench.loadgen;

/** Produces the requests of a run, deterministically from its seed; called from one thread at a time. */
public interface Workload {
  /** Returns the request with sequence number {@code sequence} (0, 1, 2, ...). */
  RequestSpec next(long sequence);

  /** Describes the workload for the report. */
  String describe();
}
