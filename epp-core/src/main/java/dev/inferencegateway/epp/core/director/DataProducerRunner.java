package dev.inferencegateway.epp.core.director;

import dev.inferencegateway.epp.core.endpoint.Endpoint;
import dev.inferencegateway.epp.core.metrics.MetricsRecorder;
import dev.inferencegateway.epp.core.request.InferenceRequest;
import dev.inferencegateway.epp.core.requestcontrol.DataProducer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the data producers of one request in order on the caller's thread, within a total time
 * budget. When the budget runs out the running producer is interrupted (cooperative cancellation,
 * as a Go context deadline) and the remaining producers are skipped. Failures and timeouts are
 * logged; the request continues without the missing data.
 */
final class DataProducerRunner {
  private static final Logger LOG = LoggerFactory.getLogger(DataProducerRunner.class);

  private final List<DataProducer> producers;
  private final Duration budget;
  private final ScheduledExecutorService timer;
  private final LongSupplier nanoClock;
  private final MetricsRecorder metrics;

  DataProducerRunner(List<DataProducer> producers, Duration budget, ScheduledExecutorService timer,
      LongSupplier nanoClock, MetricsRecorder metrics) {
    this.producers = producers;
    this.budget = budget;
    this.timer = timer;
    this.nanoClock = nanoClock;
    this.metrics = metrics;
  }

  void run(InferenceRequest request, List<Endpoint> candidates) {
    if (producers.isEmpty()) {
      return;
    }
    Deadline deadline = new Deadline(Thread.currentThread());
    ScheduledFuture<?> alarm = timer.schedule(deadline::expire, budget.toNanos(), TimeUnit.NANOSECONDS);
    try {
      for (DataProducer producer : producers) {
        if (deadline.expired()) {
          LOG.warn("Request {}: data producer {} skipped, the {} ms data preparation budget is spent",
              request.requestId(), producer.typedName(), budget.toMillis());
          continue;
        }
        long start = nanoClock.getAsLong();
        try {
          producer.prepareRequestData(request, candidates);
        } catch (InterruptedException e) {
          LOG.warn("Request {}: data producer {} timed out after the {} ms budget", request.requestId(),
              producer.typedName(), budget.toMillis());
        } catch (Exception e) {
          LOG.warn("Request {}: data producer {} failed: {}", request.requestId(), producer.typedName(), e.toString());
          LOG.debug("data producer failure", e);
        } finally {
          metrics.pluginDuration("PrepareData", producer.typedName(), nanoClock.getAsLong() - start);
        }
      }
    } finally {
      alarm.cancel(false);
      deadline.finish();
    }
  }

  /** Interrupts the producing thread once, and only while producers run. */
  private static final class Deadline {
    private final Thread worker;
    private boolean running = true;
    private boolean expired;
    private boolean interrupted;

    Deadline(Thread worker) {
      this.worker = worker;
    }

    synchronized void expire() {
      expired = true;
      if (running) {
        interrupted = true;
        worker.interrupt();
      }
    }

    synchronized boolean expired() {
      return expired;
    }

    synchronized void finish() {
      running = false;
      if (interrupted) {
        Thread.interrupted();
      }
    }
  }
}
