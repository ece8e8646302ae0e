package dev.inferencegateway.epp.datastore.plugins.metricssource;

import dev.inferencegateway.epp.datastore.collector.PollLoop;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.Iterator;
import java.util.PriorityQueue;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link PollLoop} of plain-HTTP scrapes: one daemon platform thread that waits on a selector
 * for every connection's readiness and runs timers and submitted tasks in between.
 *
 * <p>The thread starts with the first task and ends by itself once it has had no task, timer or
 * channel for its linger time; a later task starts a new one.
 */
final class ScrapeEventLoop implements PollLoop {
  /** How long the thread waits with nothing to do before it ends, by default. */
  static final Duration DEFAULT_LINGER = Duration.ofSeconds(2);
  private static final Logger LOG = LoggerFactory.getLogger(ScrapeEventLoop.class);

  private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final PriorityQueue<Timer> timers = new PriorityQueue<>();
  private final Selector selector;
  private final String threadName;
  private final long lingerNanos;
  private long timerSequence;
  private Thread thread;

  /** Reacts to its channel's readiness on the loop thread. */
  interface Handler {
    /** Called when {@code key}'s channel is ready for one of its interest operations. */
    void ready(SelectionKey key);
  }

  ScrapeEventLoop(String threadName, Duration linger) {
    this.threadName = threadName;
    this.lingerNanos = linger.toNanos();
    try {
      this.selector = Selector.open();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open a selector for metrics scraping", e);
    }
  }

  @Override
  public void execute(Runnable task) {
    tasks.add(task);
    synchronized (this) {
      if (thread == null) {
        thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
      } else if (thread != Thread.currentThread()) {
        selector.wakeup();
      }
    }
  }

  @Override
  public Scheduled schedule(Runnable task, long delayNanos) {
    Timer timer = new Timer(System.nanoTime() + Math.max(0, delayNanos), timerSequence++, task);
    timers.add(timer);
    return timer;
  }

  @Override
  public boolean inLoop() {
    return Thread.currentThread() == thread;
  }

  /** Returns whether the loop has a thread, which it loses after lingering idle. */
  synchronized boolean running() {
    return thread != null;
  }

  /** Registers {@code channel} for {@code ops} with {@code handler}; call on the loop thread. */
  SelectionKey register(SelectableChannel channel, int ops, Handler handler) throws ClosedChannelException {
    return channel.register(selector, ops, handler);
  }

  private void run() {
    long idleSince = System.nanoTime();
    while (true) {
      runTasks();
      long wait = runDueTimers();
      long now = System.nanoTime();
      if (tasks.isEmpty() && timers.isEmpty() && selector.keys().isEmpty()) {
        if (now - idleSince >= lingerNanos && exitIfIdle()) {
          return;
        }
        wait = lingerNanos;
      } else {
        idleSince = now;
      }
      select(wait);
    }
  }

  private boolean exitIfIdle() {
    synchronized (this) {
      if (tasks.isEmpty()) {
        thread = null;
        return true;
      }
      return false;
    }
  }

  private void runTasks() {
    Runnable task;
    while ((task = tasks.poll()) != null) {
      safely(task);
    }
  }

  /** Runs the timers that are due; returns the nanoseconds until the next, or -1 for none. */
  private long runDueTimers() {
    while (true) {
      Timer next = timers.peek();
      if (next == null) {
        return -1;
      }
      long left = next.deadline - System.nanoTime();
      if (left > 0) {
        return left;
      }
      timers.poll();
      if (!next.cancelled) {
        safely(next.task);
      }
    }
  }

  private void select(long waitNanos) {
    try {
      if (!tasks.isEmpty()) {
        selector.selectNow();
      } else if (waitNanos < 0) {
        selector.select();
      } else {
        selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(waitNanos + 999_999)));
      }
    } catch (IOException e) {
      LOG.error("Metrics scrape selector failed", e);
      return;
    }
    Iterator<SelectionKey> selected = selector.selectedKeys().iterator();
    while (selected.hasNext()) {
      SelectionKey key = selected.next();
      selected.remove();
      if (key.isValid()) {
        safely(() -> ((Handler) key.attachment()).ready(key));
      }
    }
  }

  private static void safely(Runnable task) {
    try {
      task.run();
    } catch (RuntimeException e) {
      LOG.error("Metrics scrape task failed", e);
    }
  }

  /** A task due at a deadline; ties run in the order they were scheduled. */
  private static final class Timer implements Scheduled, Comparable<Timer> {
    private final long deadline;
    private final long sequence;
    private final Runnable task;
    private volatile boolean cancelled;

    Timer(long deadline, long sequence, Runnable task) {
      this.deadline = deadline;
      this.sequence = sequence;
      this.task = task;
    }

    @Override
    public void cancel() {
      cancelled = true;
    }

    @Override
    public int compareTo(Timer other) {
      int byDeadline = Long.compare(deadline - other.deadline, 0);
      return byDeadline != 0 ? byDeadline : Long.compare(sequence, other.sequence);
    }
  }
}
