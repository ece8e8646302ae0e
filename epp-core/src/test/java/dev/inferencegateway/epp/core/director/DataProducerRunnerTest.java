package dev.inferencegateway.epp.core.director;

import static org.assertj.core.api.Assertions.assertThat;

import dev.inferencegateway.epp.core.endpoint.Endpoint;
import dev.inferencegateway.epp.core.metrics.MetricsRecorder;
import dev.inferencegateway.epp.core.plugin.DataKey;
import dev.inferencegateway.epp.core.plugin.TypedName;
import dev.inferencegateway.epp.core.request.InferenceRequest;
import dev.inferencegateway.epp.core.requestcontrol.DataProducer;
import dev.inferencegateway.epp.core.testing.TestEndpoints;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DataProducerRunnerTest {
  private static final DataKey<String> NOTE = DataKey.of("Note", String.class);
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final List<String> calls = new CopyOnWriteArrayList<>();

  @AfterEach
  void stopTimer() {
    timer.shutdownNow();
  }

  private DataProducer producer(String name, ThrowingAction action) {
    return new DataProducer() {
      @Override
      public TypedName typedName() {
        return TypedName.of(name);
      }

      @Override
      public Set<DataKey<?>> produces() {
        return Set.of(NOTE);
      }

      @Override
      public void prepareRequestData(InferenceRequest request, List<Endpoint> candidates) throws Exception {
        calls.add(name);
        action.run(candidates);
      }
    };
  }

  private interface ThrowingAction {
    void run(List<Endpoint> candidates) throws Exception;
  }

  private void run(Duration budget, DataProducer... producers) {
    List<Endpoint> endpoints = List.of(TestEndpoints.endpoint("a", "10.0.0.1", TestEndpoints.metrics(0, 0)));
    new DataProducerRunner(List.of(producers), budget, timer, System::nanoTime, MetricsRecorder.NOOP)
        .run(TestEndpoints.completionRequest("m", "hello"), endpoints);
    this.endpoints = endpoints;
  }

  private List<Endpoint> endpoints;

  @Test
  void producersRunInOrder_andFailuresAreNotFatal() {
    run(Duration.ofSeconds(5),
        producer("writer", eps -> eps.forEach(e -> e.attributes().put(NOTE, "seen"))),
        producer("failing", eps -> {
          throw new IllegalStateException("boom");
        }),
        producer("after", eps -> { }));

    assertThat(calls).containsExactly("writer", "failing", "after");
    assertThat(endpoints.get(0).attributes().get(NOTE)).contains("seen");
  }

  @Test
  void aProducerOverTheBudget_isInterrupted_andTheRestAreSkipped() {
    CountDownLatch never = new CountDownLatch(1);
    run(Duration.ofMillis(150),
        producer("writer", eps -> eps.forEach(e -> e.attributes().put(NOTE, "seen"))),
        producer("slow", eps -> never.await()),
        producer("skipped", eps -> { }));

    assertThat(calls).containsExactly("writer", "slow");
    assertThat(endpoints.get(0).attributes().get(NOTE)).contains("seen");
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  @Test
  void anInterruptIgnoredByTheProducer_doesNotLeakToTheCaller() {
    run(Duration.ofMillis(100), producer("busy", eps -> {
      long end = System.nanoTime() + Duration.ofMillis(400).toNanos();
      while (System.nanoTime() < end && !Thread.currentThread().isInterrupted()) {
        Thread.onSpinWait();
      }
    }), producer("skipped", eps -> { }));

    assertThat(calls).containsExactly("busy");
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }
}
