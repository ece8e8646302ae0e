package dev.inferencegateway.epp.datastore;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Creates the single-thread daemon schedulers of the datastore's background tasks. */
public final class DaemonThreads {
  private DaemonThreads() {}

  /** Returns a scheduled executor running on one daemon thread named {@code name}. */
  public static ScheduledExecutorService singleThreadScheduler(String name) {
    return Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    });
  }
}
