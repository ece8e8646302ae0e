package dev.inferencegateway.epp.server.testing;

import dev.inferencegateway.epp.core.request.Usage;
import dev.inferencegateway.epp.server.metrics.RequestMetrics;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Records the request metrics the server reports. */
public final class RecordingRequestMetrics implements RequestMetrics {
  public final List<String> routed = new CopyOnWriteArrayList<>();
  public final List<String> failed = new CopyOnWriteArrayList<>();
  public final List<String> completed = new CopyOnWriteArrayList<>();
  public final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();

  @Override
  public void requestRouted(String model, String targetModel, int priority, long requestBytes) {
    routed.add(model + "->" + targetModel + " p" + priority + " " + requestBytes + "B");
  }

  @Override
  public void running(String model, int delta) {
    running.computeIfAbsent(model, m -> new AtomicInteger()).addAndGet(delta);
  }

  @Override
  public void requestFailed(String model, String targetModel, String errorCode) {
    failed.add(model + "->" + targetModel + " " + errorCode);
  }

  @Override
  public void responseCompleted(String model, String targetModel, long latencyNanos, long responseBytes,
      Optional<Usage> usage) {
    completed.add(model + "->" + targetModel + " " + responseBytes + "B"
        + usage.map(u -> " in=" + u.promptTokens() + " out=" + u.completionTokens() + " cached=" + u.cachedTokens())
            .orElse(""));
  }

  /** Returns the number of running requests summed over models. */
  public int runningTotal() {
    return running.values().stream().mapToInt(AtomicInteger::get).sum();
  }
}
