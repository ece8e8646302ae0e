package dev.inferencegateway.epp.datastore.staticendpoints;

import dev.inferencegateway.epp.core.datastore.PoolInfo;
import dev.inferencegateway.epp.core.endpoint.EndpointMetadata;
import dev.inferencegateway.epp.datastore.DaemonThreads;
import dev.inferencegateway.epp.datastore.EndpointSource;
import dev.inferencegateway.epp.datastore.PoolStateSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the datastore from a fixed list of endpoints or from an endpoints file, without any
 * Kubernetes. The file is re-read when its content changes; a change is applied once two
 * consecutive polls read the same content (so a file caught mid-rewrite is never applied); an edit
 * that cannot be used is reported (datastore status and log) and the previous endpoints stay.
 */
public final class StaticSource implements EndpointSource {
  private static final Logger LOG = LoggerFactory.getLogger(StaticSource.class);

  private final StaticSourceOptions options;
  private ScheduledExecutorService reloader;
  private PoolStateSink sink;
  private byte[] lastContent;
  private byte[] pendingContent;

  /** Creates the source. */
  public StaticSource(StaticSourceOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  @Override
  public String description() {
    return options.file().map(f -> "endpoints file " + f).orElse("static endpoints " + options.endpoints());
  }

  /**
   * Loads the endpoints; for a file, also starts watching it.
   *
   * @throws IllegalArgumentException naming the file, field and reason when the initial content is unusable
   */
  @Override
  public synchronized void start(PoolStateSink target) {
    sink = target;
    if (options.file().isEmpty()) {
      apply(new EndpointsFile.Parsed(StaticEndpoints.fromFlag(options.endpoints(), options.namespace()), Map.of()),
          "static");
      sink.setSourceSynced(true);
      return;
    }
    Path file = options.file().get();
    byte[] content = read(file);
    apply(EndpointsFile.parse(file, content, options.namespace()), "file " + file);
    lastContent = content;
    sink.setSourceSynced(true);
    reloader = DaemonThreads.singleThreadScheduler("endpoints-file-reloader");
    long period = options.reloadInterval().toNanos();
    reloader.scheduleWithFixedDelay(() -> reload(file), period, period, TimeUnit.NANOSECONDS);
  }

  private void reload(Path file) {
    String component = "endpoints file " + file;
    try {
      byte[] content = read(file);
      if (Arrays.equals(content, lastContent)) {
        pendingContent = null;
        return;
      }
      if (!Arrays.equals(content, pendingContent)) {
        pendingContent = content;
        return;
      }
      pendingContent = null;
      EndpointsFile.Parsed parsed = EndpointsFile.parse(file, content, options.namespace());
      apply(parsed, "file " + file);
      lastContent = content;
      sink.clearProblem(component);
      LOG.info("Reloaded {} endpoint(s) and {} objective(s) from {}", parsed.endpoints().size(),
          parsed.objectives().size(), file);
    } catch (IllegalArgumentException e) {
      sink.reportProblem(component, e.getMessage() + "; keeping the previous endpoints");
    } catch (RuntimeException e) {
      LOG.error("Reloading {} failed", file, e);
      sink.reportProblem(component, String.valueOf(e.getMessage()));
    }
  }

  private void apply(EndpointsFile.Parsed parsed, String owner) {
    List<EndpointMetadata> endpoints = parsed.endpoints();
    sink.setPool(new PoolInfo(options.poolName(), options.namespace(), Map.of(), StaticEndpoints.ports(endpoints),
        "http"));
    sink.setEndpoints(owner, endpoints);
    sink.setObjectives(parsed.objectives());
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new IllegalArgumentException("endpoints file " + file + ": cannot be read: " + e, e);
    }
  }

  @Override
  public synchronized void close() {
    if (reloader != null) {
      reloader.shutdownNow();
    }
  }
}
