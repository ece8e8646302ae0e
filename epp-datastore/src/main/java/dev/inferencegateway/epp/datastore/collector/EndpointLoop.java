package dev.inferencegateway.epp.datastore.collector;

import dev.inferencegateway.epp.datastore.TrackedEndpoint;

/**
 * The polling of one endpoint: every tick, each data source is polled in turn and its extractors
 * run. The first tick is offset by a stable fraction of the interval derived from the endpoint
 * name, so that endpoints added together do not poll in lockstep.
 */
sealed interface EndpointLoop permits ThreadEndpointLoop, EventLoopEndpointLoop {
  /** Starts polling. */
  void start();

  /** Stops polling and closes the pollers; a poll in flight is abandoned. */
  void stop();

  /** Returns the delay of the endpoint's first tick, in nanoseconds within {@code interval}. */
  static long firstTickOffset(TrackedEndpoint endpoint, long interval) {
    return Math.floorMod(endpoint.name().hashCode(), interval);
  }

  /**
   * Returns the tick after {@code previous}: one interval later, or, when polling overran that,
   * the next tick on the same phase after {@code now} (the missed ones are skipped).
   */
  static long nextTick(long previous, long interval, long now) {
    long next = previous + interval;
    return now - next > 0 ? now + Math.floorMod(next - now, interval) : next;
  }
}
