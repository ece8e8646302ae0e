package dev.inferencegateway.epp.datastore.kubernetes;

import dev.inferencegateway.epp.datastore.PoolStateSink;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a group of informers the way operators should: every event is handed to one serial
 * executor, list/watch failures are reported to the sink (and retried with the client's backoff),
 * an informer that stops is reported, and a callback runs once all have synced.
 */
final class InformerSet implements AutoCloseable {
  private record Watched(String component, SharedIndexInformer<?> informer) {}

  private static final Logger LOG = LoggerFactory.getLogger(InformerSet.class);

  private final PoolStateSink sink;
  private final Executor events;
  private final List<Watched> watched = new ArrayList<>();
  private final Set<String> synced = new HashSet<>();
  private volatile boolean closing;

  InformerSet(PoolStateSink sink, Executor events) {
    this.sink = sink;
    this.events = events;
  }

  /** Adds {@code informer} (not yet started); its events run {@code changed} and {@code deleted} serially. */
  <T> void add(String component, SharedIndexInformer<T> informer, Consumer<T> changed, Consumer<T> deleted) {
    informer.addEventHandler(new ResourceEventHandler<T>() {
      @Override
      public void onAdd(T obj) {
        onEventThread(() -> changed.accept(obj));
      }

      @Override
      public void onUpdate(T oldObj, T newObj) {
        onEventThread(() -> changed.accept(newObj));
      }

      @Override
      public void onDelete(T obj, boolean deletedFinalStateUnknown) {
        onEventThread(() -> deleted.accept(obj));
      }
    });
    informer.exceptionHandler((started, failure) -> {
      if (!closing) {
        sink.reportProblem(component, "list/watch failed (retrying): " + describe(failure));
      }
      return true;
    });
    watched.add(new Watched(component, informer));
  }

  /** Starts every informer; {@code onAllSynced} runs on the event executor once all have synced. */
  void startAll(Runnable onAllSynced) {
    for (Watched w : watched) {
      w.informer().stopped().whenComplete((ignored, failure) -> {
        if (!closing) {
          sink.reportProblem(w.component(), "informer stopped" + (failure == null ? "" : ": " + describe(failure)));
        }
      });
      w.informer().start().whenComplete((ignored, failure) -> onEventThread(() -> {
        if (failure != null) {
          sink.reportProblem(w.component(), "informer failed to start: " + describe(failure));
          return;
        }
        sink.clearProblem(w.component());
        synced.add(w.component());
        if (synced.size() == watched.size()) {
          onAllSynced.run();
        }
      }));
    }
  }

  private void onEventThread(Runnable task) {
    if (closing) {
      return;
    }
    try {
      events.execute(() -> {
        if (closing) {
          return;
        }
        try {
          task.run();
        } catch (RuntimeException e) {
          LOG.error("Handling a Kubernetes event failed", e);
          sink.reportProblem("Kubernetes event handling", InformerSet.describe(e));
        }
      });
    } catch (RejectedExecutionException e) {
      if (!closing) {
        throw e;
      }
    }
  }

  /** Clears the problems of informers that are watching again. */
  void checkHealth() {
    for (Watched w : watched) {
      if (w.informer().isWatching()) {
        sink.clearProblem(w.component());
      }
    }
  }

  @Override
  public void close() {
    closing = true;
    for (Watched w : watched) {
      w.informer().close();
    }
  }

  static String describe(Throwable failure) {
    Throwable t = failure;
    while (t.getCause() != null && !(t instanceof KubernetesClientException)) {
      t = t.getCause();
    }
    String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    if (t instanceof KubernetesClientException k && k.getCode() > 0) {
      message = "HTTP " + k.getCode() + ": " + message;
    }
    return message.length() > 400 ? message.substring(0, 400) + "..." : message;
  }
}
