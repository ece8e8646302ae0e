package dev.inferencegateway.epp.datastore.collector;

/**
 * Counters of a {@link MetricsCollector} since it started.
 *
 * @param activeLoops endpoints currently polled
 * @param polls polls attempted
 * @param pollFailures polls that failed (connection, timeout, HTTP status, parse error)
 * @param extractionFailures extractions that reported at least one error
 */
public record CollectorStats(int activeLoops, long polls, long pollFailures, long extractionFailures) {}
