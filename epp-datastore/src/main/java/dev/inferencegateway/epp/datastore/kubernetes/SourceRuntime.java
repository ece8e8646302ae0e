package dev.inferencegateway.epp.datastore.kubernetes;

import dev.inferencegateway.epp.datastore.DaemonThreads;
import dev.inferencegateway.epp.datastore.PoolStateSink;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What both Kubernetes sources share: the client, one serial event thread, the informers and the
 * pod reconciler.
 */
final class SourceRuntime implements AutoCloseable {
  private static final long HEALTH_CHECK_SECONDS = 5;

  final KubernetesClient client;
  final ScheduledExecutorService events;
  final InformerSet informers;
  final PodReconciler pods;
  private final boolean ownsClient;

  SourceRuntime(KubernetesClient client, boolean ownsClient, PoolStateSink sink, String namespace,
      int modelServerMetricsPort, String threadName) {
    this.client = client;
    this.ownsClient = ownsClient;
    this.events = DaemonThreads.singleThreadScheduler(threadName);
    this.informers = new InformerSet(sink, events);
    SharedIndexInformer<Pod> podInformer = client.pods().inNamespace(namespace).runnableInformer(0);
    this.pods = new PodReconciler(sink, () -> podInformer.getStore().list(), modelServerMetricsPort);
    informers.add("Pod informer (" + namespace + ")", podInformer, pods::changed, pods::deleted);
  }

  void start(Runnable onAllSynced) {
    informers.startAll(onAllSynced);
    events.scheduleWithFixedDelay(informers::checkHealth, HEALTH_CHECK_SECONDS, HEALTH_CHECK_SECONDS,
        TimeUnit.SECONDS);
  }

  /** Closes {@code runtime}, or only the client when the source never started and owns it. */
  static void close(SourceRuntime runtime, KubernetesClient client, boolean ownsClient) {
    if (runtime != null) {
      runtime.close();
    } else if (ownsClient) {
      client.close();
    }
  }

  @Override
  public void close() {
    informers.close();
    events.shutdownNow();
    if (ownsClient) {
      client.close();
    }
  }
}
