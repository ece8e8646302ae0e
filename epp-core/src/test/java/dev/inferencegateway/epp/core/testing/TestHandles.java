package dev.inferencegateway.epp.core.testing;

import dev.inferencegateway.epp.core.datastore.Datastore;
import dev.inferencegateway.epp.core.metrics.MetricsRecorder;
import dev.inferencegateway.epp.core.plugin.EnvironmentPluginHandle;
import dev.inferencegateway.epp.core.plugin.Plugin;
import dev.inferencegateway.epp.core.plugin.PluginEnvironment;
import dev.inferencegateway.epp.core.plugin.PluginHandle;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/** Deterministic {@link PluginHandle}s for plugin tests: fixed clock, seeded random source. */
public final class TestHandles {
  /** The fixed wall-clock instant of test handles. */
  public static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private TestHandles() {}

  /** Returns a handle with a fixed clock, a random source seeded with 42 and an empty datastore. */
  public static TestHandle handle() {
    return handle(new FakeDatastore(), 42);
  }

  /** Returns a handle over {@code datastore} with a random source seeded with {@code seed}. */
  public static TestHandle handle(Datastore datastore, long seed) {
    return new TestHandle(environment(datastore, seed));
  }

  /**
   * Returns a deterministic environment: fixed clock, a nano clock that stays at 0, a random source
   * seeded with {@code seed}, a daemon single-thread scheduler and {@code datastore}.
   */
  public static PluginEnvironment environment(Datastore datastore, long seed) {
    AtomicLong nanos = new AtomicLong();
    return new PluginEnvironment(Clock.fixed(NOW, ZoneOffset.UTC), nanos::get,
        new Random(seed), Executors.newSingleThreadScheduledExecutor(r -> {
          Thread t = new Thread(r, "test-plugin-scheduler");
          t.setDaemon(true);
          return t;
        }), datastore, MetricsRecorder.NOOP);
  }

  /** A {@link PluginHandle} over a {@link PluginEnvironment} that tests can add plugins to. */
  public static final class TestHandle extends EnvironmentPluginHandle {
    private final List<String> warnings = new ArrayList<>();

    /** Creates the handle. */
    public TestHandle(PluginEnvironment env) {
      super(env);
    }

    /** Registers {@code plugin} so that {@link #plugin} and {@link #pluginsOf} find it. */
    public TestHandle add(Plugin plugin) {
      register(plugin);
      return this;
    }

    /** Returns the warnings reported so far. */
    public List<String> warnings() {
      return warnings;
    }

    @Override
    public void warn(String message) {
      warnings.add(message);
    }
  }
}
