package dev.inferencegateway.bench.loadgen;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs a {@link LoadPlan}: warm-up, then the measured phase bounded by time and/or count, then a
 * bounded wait for the requests in flight. Every request runs on its own virtual thread.
 * Closed-loop workers build their request bodies in parallel, before the request's clock starts.
 * Open-loop latencies count from the scheduled arrival, so a slow target cannot hide queueing
 * (no coordinated omission).
 */
public final class LoadRunner {
  private final LoadPlan plan;
  private final Workload workload;
  private final Target target;
  private final ProgressListener listener;
  private final LoadStats stats = new LoadStats();
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicLong measuredIssued = new AtomicLong();
  private final AtomicLong inFlight = new AtomicLong();
  private final AtomicLong measuredInFlight = new AtomicLong();
  private final AtomicLong lastCompletion = new AtomicLong();
  private final Object dispatch = new Object();
  private long measureStart;
  private volatile boolean stopped;

  private enum Phase { WARMUP, MEASURED, STOP }

  public LoadRunner(LoadPlan plan, Workload workload, Target target, ProgressListener listener) {
    this.plan = plan;
    this.workload = workload;
    this.target = target;
    this.listener = listener;
  }

  /** Runs the plan to its end and returns the figures. */
  public RunResult run() throws InterruptedException {
    long start = System.nanoTime();
    measureStart = start + plan.warmup().toNanos();
    lastCompletion.set(measureStart);
    Thread reporter = Thread.ofPlatform().daemon().name("loadgen-progress").start(() -> report(start));
    try (ExecutorService requests = Executors.newVirtualThreadPerTaskExecutor()) {
      if (plan.mode() == LoadPlan.Mode.CLOSED) {
        runClosed(requests);
      } else {
        runOpen(requests, start);
      }
      stopped = true;
      requests.shutdown();
      if (!requests.awaitTermination(plan.timeout().toMillis() + 5_000, TimeUnit.MILLISECONDS)) {
        requests.shutdownNow();
      }
    } finally {
      stopped = true;
      reporter.interrupt();
      reporter.join(5_000);
    }
    long unfinished = measuredInFlight.get();
    stats.interval(0, 0);
    return new RunResult(stats, lastCompletion.get() - measureStart, unfinished);
  }

  private void runClosed(ExecutorService requests) throws InterruptedException {
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < plan.concurrency(); i++) {
      workers.add(Thread.ofVirtual().name("loadgen-worker-", i).start(this::closedWorker));
    }
    long deadline = Long.MAX_VALUE;
    for (Thread worker : workers) {
      while (worker.isAlive()) {
        worker.join(java.time.Duration.ofMillis(200));
        long now = System.nanoTime();
        if (stopped && deadline == Long.MAX_VALUE) {
          deadline = now + plan.timeout().toNanos() + TimeUnit.SECONDS.toNanos(5);
        }
        if (now > deadline) {
          worker.interrupt();
        }
      }
    }
  }

  private void closedWorker() {
    while (true) {
      long number;
      Phase phase;
      synchronized (dispatch) {
        phase = admit(System.nanoTime());
        if (phase == Phase.STOP) {
          return;
        }
        number = sequence.getAndIncrement();
      }
      RequestSpec spec = workload.next(number);
      try {
        execute(spec, phase, System.nanoTime());
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void runOpen(ExecutorService requests, long start) {
    PoissonArrivals arrivals = new PoissonArrivals(plan.rate(), plan.seed());
    long next = start;
    while (true) {
      next += arrivals.nextGapNanos();
      long wait;
      while ((wait = next - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      long scheduled = next;
      Phase phase = admit(scheduled);
      if (phase == Phase.STOP) {
        return;
      }
      if (inFlight.get() >= plan.maxInFlight()) {
        if (phase == Phase.MEASURED) {
          stats.recordDropped();
        }
        continue;
      }
      RequestSpec spec = workload.next(sequence.getAndIncrement());
      requests.submit(() -> {
        execute(spec, phase, scheduled);
        return null;
      });
    }
  }

  private Phase admit(long now) {
    if (stopped) {
      return Phase.STOP;
    }
    if (now < measureStart) {
      return Phase.WARMUP;
    }
    boolean timeUp = plan.duration() != null && now - measureStart >= plan.duration().toNanos();
    if (timeUp || (plan.maxRequests() > 0 && measuredIssued.incrementAndGet() > plan.maxRequests())) {
      stopped = true;
      return Phase.STOP;
    }
    return Phase.MEASURED;
  }

  private void execute(RequestSpec spec, Phase phase, long startNanos) throws InterruptedException {
    boolean measured = phase == Phase.MEASURED;
    inFlight.incrementAndGet();
    if (measured) {
      measuredInFlight.incrementAndGet();
    }
    try {
      Sample sample;
      try {
        sample = target.call(spec);
      } catch (RuntimeException e) {
        sample = Sample.failed("client-error:" + e.getClass().getSimpleName());
      }
      long end = System.nanoTime();
      if (measured) {
        stats.record(sample, end - startNanos);
        lastCompletion.accumulateAndGet(end, Math::max);
      } else {
        stats.recordWarmup();
      }
    } finally {
      inFlight.decrementAndGet();
      if (measured) {
        measuredInFlight.decrementAndGet();
      }
    }
  }

  private void report(long start) {
    long tick = start;
    long completed = 0;
    long ok = 0;
    while (!Thread.currentThread().isInterrupted()) {
      tick += TimeUnit.SECONDS.toNanos(1);
      long wait;
      while ((wait = tick - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
        if (Thread.currentThread().isInterrupted()) {
          return;
        }
      }
      LoadStats.Interval interval = stats.interval(completed, ok);
      completed += interval.completed();
      ok += interval.ok();
      long second = Math.floorDiv(tick - measureStart, TimeUnit.SECONDS.toNanos(1));
      listener.onSecond(second, interval, inFlight.get(), stats);
    }
  }
}
