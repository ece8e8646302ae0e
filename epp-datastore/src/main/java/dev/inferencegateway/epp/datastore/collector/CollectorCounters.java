package dev.inferencegateway.epp.datastore.collector;

import java.util.concurrent.atomic.LongAdder;

/** The collector-wide counters, shared by all loops. */
final class CollectorCounters {
  final LongAdder polls = new LongAdder();
  final LongAdder pollFailures = new LongAdder();
  final LongAdder extractionFailures = new LongAdder();
}
