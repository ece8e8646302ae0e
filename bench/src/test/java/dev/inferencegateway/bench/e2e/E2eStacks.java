package dev.inferencegateway.bench.e2e;

import static org.awaitility.Awaitility.await;

import dev.inferencegateway.bench.demo.DemoEpp;
import dev.inferencegateway.bench.demo.DemoStack;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.io.IOException;
import java.time.Duration;

/** Starting stacks for end-to-end tests, and reading what their EPPs decided. */
final class E2eStacks {
  /** Upper bound for a stack to become ready (BBR mappings loaded, every endpoint scraped). */
  static final Duration READY = Duration.ofSeconds(20);

  /**
   * The seed's default configuration plus {@code utilization-detector} as a filter (endpoints with
   * stale metrics, or a queue of 5 or more, are left out while others remain) and one fallback
   * endpoint in the destination header, which the gateway tries when the first refuses the
   * connection.
   */
  static final String FILTERED_WITH_FALLBACK = """
      apiVersion: inference.networking.x-k8s.io/v1alpha1
      kind: EndpointPickerConfig
      plugins:
      - type: utilization-detector
      - type: queue-scorer
      - type: kv-cache-utilization-scorer
      - type: prefix-cache-scorer
      - type: max-score-picker
        parameters:
          maxNumOfEndpoints: 2
      schedulingProfiles:
      - name: default
        plugins:
        - pluginRef: utilization-detector
        - pluginRef: queue-scorer
          weight: 2
        - pluginRef: kv-cache-utilization-scorer
          weight: 2
        - pluginRef: prefix-cache-scorer
          weight: 3
        - pluginRef: max-score-picker
      saturationDetector:
        pluginRef: utilization-detector
      """;

  private E2eStacks() {}

  /** Starts {@code builder}'s stack on a free loopback port and waits until it is ready. */
  static DemoStack startReady(DemoStack.Builder builder) throws IOException {
    DemoStack stack = builder.listen("127.0.0.1:0").start();
    try {
      await().atMost(READY).pollInterval(Duration.ofMillis(20)).until(stack::isReady);
      return stack;
    } catch (RuntimeException | Error e) {
      stack.close();
      throw e;
    }
  }

  /**
   * How often the EPP picked {@code pod} as the primary endpoint
   * ({@code inference_extension_scheduler_attempts_total{status="success",pod_name=pod}}).
   */
  static long picks(DemoEpp epp, String pod) {
    for (MetricSnapshot snapshot : epp.server().registry().scrape()) {
      if (snapshot instanceof CounterSnapshot counter
          && counter.getMetadata().getName().equals("inference_extension_scheduler_attempts")) {
        return Math.round(counter.getDataPoints().stream()
            .filter(p -> pod.equals(p.getLabels().get("pod_name")) && "success".equals(p.getLabels().get("status")))
            .mapToDouble(CounterSnapshot.CounterDataPointSnapshot::getValue).sum());
      }
    }
    return 0;
  }
}
