package dev.inferencegateway.epp.datastore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inferencegateway.epp.core.datastore.EndpointSnapshot;
import dev.inferencegateway.epp.core.datastore.ModelRewrite;
import dev.inferencegateway.epp.core.datastore.Objective;
import dev.inferencegateway.epp.core.endpoint.EndpointMetadata;
import dev.inferencegateway.epp.core.endpoint.ModelServerMetrics;
import dev.inferencegateway.epp.datastore.rewrite.ModelRewriteRules;
import dev.inferencegateway.epp.datastore.rewrite.RewriteRule;
import dev.inferencegateway.epp.datastore.testing.ManualSource;
import dev.inferencegateway.epp.datastore.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PoolDatastoreTest {
  private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

  private final MutableClock clock = new MutableClock(T0);
  private final ManualSource source = new ManualSource();
  private final List<String> events = new ArrayList<>();
  private PoolDatastore datastore;

  @BeforeEach
  void start() {
    datastore = new PoolDatastore(source, DatastoreOptions.defaults().withClock(clock));
    datastore.start();
  }

  @AfterEach
  void stop() {
    datastore.close();
  }

  private void listen() {
    datastore.addEndpointListener(new EndpointListener() {
      @Override
      public void endpointAdded(TrackedEndpoint endpoint) {
        events.add("+" + endpoint.name() + "@" + endpoint.metadata().hostPort());
      }

      @Override
      public void endpointRemoved(TrackedEndpoint endpoint) {
        events.add("-" + endpoint.name());
      }
    });
  }

  private static EndpointMetadata endpoint(String name, String ip, Map<String, String> labels) {
    return new EndpointMetadata(name, "default", name.replaceAll("-rank-\\d+$", ""), ip, 8000, ip + ":8000", labels);
  }

  private void setMetrics(String name, int queue, int running, double kv, Instant at) {
    datastore.endpoint(name).orElseThrow().updateMetrics(m -> m.toBuilder().waitingQueueSize(queue)
        .runningRequests(running).kvCacheUsage(kv).updateTime(at).build());
  }

  @Test
  void endpoints_areNotifiedInOrderAndListedByName() {
    source.endpoints("pod-b", endpoint("pod-b-rank-0", "10.0.0.2", Map.of()));
    listen();
    source.endpoints("pod-a", endpoint("pod-a-rank-0", "10.0.0.1", Map.of()), endpoint("pod-a-rank-1", "10.0.0.1", Map.of()));
    source.endpoints("pod-a", endpoint("pod-a-rank-1", "10.0.0.1", Map.of()));

    assertThat(events).containsExactly("+pod-b-rank-0@10.0.0.2:8000", "+pod-a-rank-0@10.0.0.1:8000",
        "+pod-a-rank-1@10.0.0.1:8000", "-pod-a-rank-0");
    assertThat(datastore.endpoints()).extracting(s -> s.metadata().name()).containsExactly("pod-a-rank-1", "pod-b-rank-0");
  }

  @Test
  void labelChange_keepsTheEndpointAndItsMetrics_addressChange_replacesIt() {
    source.endpoints("pod", endpoint("pod-rank-0", "10.0.0.1", Map.of("v", "1")));
    setMetrics("pod-rank-0", 4, 1, 0.5, T0);
    TrackedEndpoint before = datastore.endpoint("pod-rank-0").orElseThrow();
    listen();
    events.clear();

    source.endpoints("pod", endpoint("pod-rank-0", "10.0.0.1", Map.of("v", "2")));
    assertThat(datastore.endpoint("pod-rank-0").orElseThrow()).isSameAs(before);
    assertThat(before.metadata().labels()).containsEntry("v", "2");
    assertThat(before.metrics().waitingQueueSize()).isEqualTo(4);
    assertThat(events).isEmpty();

    source.endpoints("pod", endpoint("pod-rank-0", "10.0.0.9", Map.of("v", "2")));
    TrackedEndpoint after = datastore.endpoint("pod-rank-0").orElseThrow();
    assertThat(after).isNotSameAs(before);
    assertThat(before.removed()).isTrue();
    assertThat(after.metrics()).isEqualTo(ModelServerMetrics.EMPTY);
    assertThat(events).containsExactly("-pod-rank-0", "+pod-rank-0@10.0.0.9:8000");
  }

  @Test
  void endpointNameOwnedBySomeoneElse_isIgnored() {
    source.endpoints("file-a", endpoint("shared", "10.0.0.1", Map.of()));
    source.endpoints("file-b", endpoint("shared", "10.0.0.2", Map.of()), endpoint("other", "10.0.0.3", Map.of()));

    assertThat(datastore.endpoints()).extracting(s -> s.metadata().address()).containsExactly("10.0.0.3", "10.0.0.1");
  }

  @Test
  void replaceAll_dropsOwnersThatAreGone() {
    source.endpoints("a", endpoint("a-rank-0", "10.0.0.1", Map.of()));
    source.endpoints("b", endpoint("b-rank-0", "10.0.0.2", Map.of()));

    source.sink().replaceAllEndpoints(Map.of("b", List.of(endpoint("b-rank-0", "10.0.0.2", Map.of()))));

    assertThat(datastore.endpoints()).extracting(s -> s.metadata().name()).containsExactly("b-rank-0");
  }

  @Test
  void clearPool_forgetsEverythingAndIsNoLongerSynced() {
    source.endpoints("pod", endpoint("pod-rank-0", "10.0.0.1", Map.of()));
    source.sink().setObjectives(Map.of("critical", new Objective("critical", 10)));
    source.sink().setModelRewrites(ModelRewriteRules.of(List.of(new RewriteRule("r", T0, 0, Set.of(),
        List.of(new ModelRewrite.Target("m2", 1))))));
    assertThat(datastore.hasSynced()).isTrue();
    assertThat(datastore.objective("critical")).contains(new Objective("critical", 10));
    assertThat(datastore.modelRewrite("anything")).isPresent();

    source.sink().clearPool();

    assertThat(datastore.hasSynced()).isFalse();
    assertThat(datastore.pool()).isEmpty();
    assertThat(datastore.endpoints()).isEmpty();
    assertThat(datastore.objective("critical")).isEmpty();
    assertThat(datastore.modelRewrite("anything")).isEmpty();
  }

  @Test
  void awaitSynced_isBoundedAndWakesUpOnSync() throws Exception {
    ManualSource quiet = new ManualSource() {
      @Override
      public void start(PoolStateSink sink) {
        super.start(sink);
        sink.setSourceSynced(false);
      }
    };
    try (PoolDatastore pending = new PoolDatastore(quiet, DatastoreOptions.defaults())) {
      pending.start();
      assertThat(pending.awaitSynced(Duration.ofMillis(50))).isFalse();

      quiet.sink().setSourceSynced(true);

      assertThat(pending.awaitSynced(Duration.ofSeconds(5))).isTrue();
    }
  }

  @Test
  void problems_areReportedUntilCleared() {
    source.sink().reportProblem("InferencePool informer", "403 Forbidden");
    assertThat(datastore.status().problems()).containsEntry("InferencePool informer", "403 Forbidden");

    source.sink().clearProblem("InferencePool informer");
    assertThat(datastore.status()).isEqualTo(new DatastoreStatus(true, true, 0, Map.of()));
  }

  @Test
  void poolAggregates_averageFreshEndpointsAndListEveryQueue() {
    source.endpoints("a", endpoint("a-rank-0", "10.0.0.1", Map.of()));
    source.endpoints("b", endpoint("b-rank-0", "10.0.0.2", Map.of()));
    source.endpoints("c", endpoint("c-rank-0", "10.0.0.3", Map.of()));
    source.endpoints("d", endpoint("d-rank-0", "10.0.0.4", Map.of()));
    setMetrics("a-rank-0", 2, 10, 0.2, T0);
    setMetrics("b-rank-0", 5, 4, 0.6, T0.plusMillis(500));
    setMetrics("c-rank-0", 9, 9, 0.9, T0.minusSeconds(10));
    clock.advance(Duration.ofSeconds(1));
    List<PoolAggregates> published = new ArrayList<>();
    datastore.addPoolAggregatesListener(published::add);

    PoolAggregates aggregates = datastore.refreshPoolAggregates();

    assertThat(aggregates.poolName()).isEqualTo("pool");
    assertThat(aggregates.readyEndpoints()).isEqualTo(2);
    assertThat(aggregates.averageKvCacheUsage()).isCloseTo(0.4, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(aggregates.averageQueueSize()).isEqualTo(3.5);
    assertThat(aggregates.averageRunningRequests()).isEqualTo(7.0);
    assertThat(aggregates.queueByEndpoint()).containsExactlyInAnyOrderEntriesOf(
        Map.of("a-rank-0", 2, "b-rank-0", 5, "c-rank-0", 9, "d-rank-0", 0));
    assertThat(aggregates.computedAt()).isEqualTo(T0.plusSeconds(1));
    assertThat(published).containsExactly(aggregates);
    assertThat(datastore.poolAggregates()).isEqualTo(aggregates);
    assertThat(datastore.freshEndpoints()).extracting(EndpointSnapshot::metadata).extracting(EndpointMetadata::name)
        .containsExactly("a-rank-0", "b-rank-0");
    assertThat(datastore.isStale("c-rank-0")).isTrue();
    assertThat(datastore.isStale("missing")).isTrue();
  }

  @Test
  void poolAggregates_withNoFreshEndpoint_areZero() {
    source.endpoints("a", endpoint("a-rank-0", "10.0.0.1", Map.of()));

    PoolAggregates aggregates = datastore.refreshPoolAggregates();

    assertThat(aggregates.readyEndpoints()).isZero();
    assertThat(aggregates.averageQueueSize()).isZero();
    assertThat(aggregates.queueByEndpoint()).containsEntry("a-rank-0", 0);
  }

  @Test
  void lifecycle_isStartOnceAndCloseStopsTheSource() {
    assertThatThrownBy(datastore::start).isInstanceOf(IllegalStateException.class).hasMessage("datastore already started");
    datastore.close();
    datastore.close();
    assertThat(source.closed()).isTrue();
  }

  @Test
  void options_rejectNonPositiveDurationsNamingTheFlag() {
    assertThatThrownBy(() -> DatastoreOptions.defaults().withStalenessThreshold(Duration.ZERO))
        .hasMessage("--metrics-staleness-threshold must be > 0, got PT0S");
    assertThat(NamespaceResolver.resolve(" ns ", k -> "env")).isEqualTo("ns");
    assertThat(NamespaceResolver.resolve(null, k -> k.equals("NAMESPACE") ? "from-env" : null)).isEqualTo("from-env");
    assertThat(NamespaceResolver.resolve("", k -> null)).isEqualTo("default");
  }
}
