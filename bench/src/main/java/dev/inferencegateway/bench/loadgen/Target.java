package dev.inferencegateway.bench.loadgen;

/** Where the load goes; {@link #call} blocks (it runs on a virtual thread per request). */
public interface Target extends AutoCloseable {
  /** Sends {@code request} and waits for the whole response. */
  Sample call(RequestSpec request) throws InterruptedException;

  /** Describes the target for the report. */
  String describe();

  @Override
  void close();
}
