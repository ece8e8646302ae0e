package dev.inferencegateway.epp.datastore.collector;

import dev.inferencegateway.epp.datastore.TrackedEndpoint;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The polling of one endpoint whose pollers all run on the same {@link PollLoop}: ticks, polls
 * and extraction all happen on the loop thread, one source after the other, with no thread of
 * the endpoint's own. Ticks that a slow poll overruns are skipped, as with a Go ticker.
 */
final class EventLoopEndpointLoop implements EndpointLoop {
  private static final Logger LOG = LoggerFactory.getLogger(MetricsCollector.class);

  private final TrackedEndpoint endpoint;
  private final List<SourceRun> runs;
  private final CollectorOptions options;
  private final PollLoop loop;
  private final long interval;
  private final PollCallback onPolled = this::completed;
  private final Supplier<Instant> now;
  private final BooleanSupplier stillRunning = () -> this.running;
  private volatile boolean running = true;
  private PollLoop.Scheduled pending;
  private long next;
  private int current;

  private EventLoopEndpointLoop(TrackedEndpoint endpoint, List<SourceRun> runs, CollectorOptions options,
      PollLoop loop) {
    this.endpoint = endpoint;
    this.runs = runs;
    this.options = options;
    this.loop = loop;
    this.interval = options.refreshInterval().toNanos();
    this.now = options.clock()::instant;
  }

  /** Returns a loop for {@code runs} when all their pollers are asynchronous on one shared loop. */
  static Optional<EndpointLoop> of(TrackedEndpoint endpoint, List<SourceRun> runs, CollectorOptions options) {
    PollLoop shared = null;
    for (SourceRun run : runs) {
      if (!(run.poller() instanceof AsyncEndpointPoller poller) || (shared != null && poller.loop() != shared)) {
        return Optional.empty();
      }
      shared = poller.loop();
    }
    return shared == null ? Optional.empty()
        : Optional.of(new EventLoopEndpointLoop(endpoint, runs, options, shared));
  }

  @Override
  public void start() {
    loop.execute(() -> {
      if (running) {
        next = System.nanoTime() + EndpointLoop.firstTickOffset(endpoint, interval);
        pending = loop.schedule(this::tick, next - System.nanoTime());
      }
    });
  }

  @Override
  public void stop() {
    running = false;
    loop.execute(() -> {
      if (pending != null) {
        pending.cancel();
      }
      runs.forEach(SourceRun::close);
    });
  }

  private void tick() {
    pending = null;
    current = 0;
    pollCurrent();
  }

  private void pollCurrent() {
    if (!running) {
      return;
    }
    if (current == runs.size()) {
      next = EndpointLoop.nextTick(next, interval, System.nanoTime());
      pending = loop.schedule(this::tick, next - System.nanoTime());
      return;
    }
    try {
      ((AsyncEndpointPoller) runs.get(current).poller()).pollAsync(options.pollTimeout(), onPolled);
    } catch (RuntimeException e) {
      LOG.error("Metrics poll of endpoint {} could not start", endpoint.name(), e);
      completed(null, e);
    }
  }

  private void completed(Object data, Exception failure) {
    if (runs.get(current).completed(data, failure, now, stillRunning)) {
      current++;
      pollCurrent();
    }
  }
}
