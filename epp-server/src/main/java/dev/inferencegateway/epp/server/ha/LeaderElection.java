package dev.inferencegateway.epp.server.ha;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElector;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Active-passive high availability through a Kubernetes Lease, as upstream: one replica leads,
 * the others report not ready until the lease is released or expires. A replica that loses the
 * lease becomes a candidate again instead of exiting. The lease is released when this replica
 * shuts down, so a follower takes over at once.
 */
public final class LeaderElection implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LeaderElection.class);

  private final KubernetesClient client;
  private final String namespace;
  private final String leaseName;
  private final String identity;
  private final Timings timings;
  private final Runnable onChange;
  private final AtomicBoolean leader = new AtomicBoolean();
  private volatile boolean closed;
  private volatile CompletableFuture<?> running;

  /**
   * The lease timings.
   *
   * @param leaseDuration how long a lease is valid without renewal
   * @param renewDeadline how long the leader keeps retrying renewal before giving up
   * @param retryPeriod how often candidates retry and the leader renews
   */
  public record Timings(Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {
    /** controller-runtime's defaults: 15 s lease, 10 s renew deadline, 2 s retry period. */
    public static final Timings DEFAULTS = new Timings(Duration.ofSeconds(15), Duration.ofSeconds(10),
        Duration.ofSeconds(2));
  }

  /**
   * Creates the election.
   *
   * @param client the Kubernetes client
   * @param namespace where the Lease lives
   * @param leaseName the Lease name
   * @param identity this replica's identity (recorded as the lease holder)
   * @param timings the lease timings
   * @param onChange called whenever this replica gains or loses leadership
   */
  public LeaderElection(KubernetesClient client, String namespace, String leaseName, String identity, Timings timings,
      Runnable onChange) {
    this.client = Objects.requireNonNull(client, "client");
    this.namespace = Objects.requireNonNull(namespace, "namespace");
    this.leaseName = Objects.requireNonNull(leaseName, "leaseName");
    this.identity = Objects.requireNonNull(identity, "identity");
    this.timings = Objects.requireNonNull(timings, "timings");
    this.onChange = Objects.requireNonNull(onChange, "onChange");
  }

  /** Starts competing for the lease. */
  public synchronized void start() {
    if (closed || running != null) {
      return;
    }
    run();
  }

  /** Returns whether this replica currently holds the lease. */
  public boolean isLeader() {
    return leader.get();
  }

  /** Returns this replica's identity. */
  public String identity() {
    return identity;
  }

  private synchronized void run() {
    if (closed) {
      return;
    }
    LeaderElector elector = client.leaderElector().withConfig(new LeaderElectionConfigBuilder()
        .withName(leaseName)
        .withLock(new LeaseLock(namespace, leaseName, identity))
        .withLeaseDuration(timings.leaseDuration())
        .withRenewDeadline(timings.renewDeadline())
        .withRetryPeriod(timings.retryPeriod())
        .withReleaseOnCancel(true)
        .withLeaderCallbacks(new LeaderCallbacks(this::started, this::stopped,
            holder -> LOG.info("Lease {}/{} is held by {}", namespace, leaseName, holder)))
        .build()).build();
    running = elector.start();
    running.whenComplete((ignored, error) -> {
      stopped();
      if (!closed) {
        LOG.warn("Leader election for lease {}/{} ended{}; competing again", namespace, leaseName,
            error == null ? "" : ": " + error);
        try {
          run();
        } catch (RuntimeException e) {
          LOG.error("Cannot compete for lease {}/{} any more: {}", namespace, leaseName, e.toString());
        }
      }
    });
  }

  private void started() {
    if (!leader.getAndSet(true)) {
      LOG.info("{} became the leader (lease {}/{})", identity, namespace, leaseName);
      onChange.run();
    }
  }

  private void stopped() {
    if (leader.getAndSet(false)) {
      LOG.info("{} stopped leading (lease {}/{})", identity, namespace, leaseName);
      onChange.run();
    }
  }

  /** Stops competing and releases the lease when held. */
  @Override
  public synchronized void close() {
    closed = true;
    CompletableFuture<?> current = running;
    if (current != null) {
      current.cancel(true);
    }
    stopped();
  }
}
