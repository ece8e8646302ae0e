package dev.inferencegateway.epp.plugins.producer.inflightload;

import dev.inferencegateway.epp.core.datastore.Datastore;
import dev.inferencegateway.epp.core.endpoint.Endpoint;
import dev.inferencegateway.epp.core.endpoint.EndpointMetadata;
import dev.inferencegateway.epp.core.plugin.DataKey;
import dev.inferencegateway.epp.core.plugin.NoParameters;
import dev.inferencegateway.epp.core.plugin.PluginDescriptor;
import dev.inferencegateway.epp.core.plugin.PluginHandle;
import dev.inferencegateway.epp.core.request.InferenceRequest;
import dev.inferencegateway.epp.core.request.InferenceResponse;
import dev.inferencegateway.epp.core.requestcontrol.DataProducer;
import dev.inferencegateway.epp.core.requestcontrol.PreRequest;
import dev.inferencegateway.epp.core.requestcontrol.ResponseBodyProcessor;
import dev.inferencegateway.epp.core.scheduling.ProfileRunResult;
import dev.inferencegateway.epp.core.scheduling.SchedulingResult;
import dev.inferencegateway.epp.plugins.NamedPlugin;
import dev.inferencegateway.epp.plugins.producer.EndpointTable;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** The {@code inflight-load-producer}: per-endpoint in-flight request and token counts. */
public final class InFlightLoadProducer extends NamedPlugin
    implements DataProducer, PreRequest, ResponseBodyProcessor, AutoCloseable {
  /** The registered type name. */
  public static final String TYPE = "inflight-load-producer";

  /** The descriptor registering this type as the default producer of {@link InFlightLoad#KEY}. */
  public static final PluginDescriptor<NoParameters> DESCRIPTOR = PluginDescriptor.withoutParameters(
      TYPE, (name, params, handle) -> new InFlightLoadProducer(name, handle))
      .defaultProducerFor(InFlightLoad.KEY)
      .build();

  private static final DataKey<Dispatch> DISPATCH = DataKey.of(TYPE + "/dispatch", Dispatch.class);

  private final EndpointTable<Counters> counters = new EndpointTable<>();
  private final Datastore datastore;
  private final ScheduledFuture<?> purge;

  /** Creates the producer; departed endpoints are purged on the handle's scheduler. */
  public InFlightLoadProducer(String name, PluginHandle handle) {
    super(TYPE, name);
    this.datastore = handle.datastore();
    long every = EndpointTable.PURGE_INTERVAL.toMillis();
    this.purge = handle.scheduler().scheduleWithFixedDelay(
        this::purgeDepartedEndpoints, every, every, TimeUnit.MILLISECONDS);
  }

  @Override
  public Set<DataKey<?>> produces() {
    return Set.of(InFlightLoad.KEY);
  }

  /** Returns the current in-flight load of {@code endpoint}. */
  public InFlightLoad loadOf(EndpointMetadata endpoint) {
    Counters c = counters.get(endpoint);
    return c == null ? InFlightLoad.NONE : new InFlightLoad(c.requests.get(), c.tokens.get());
  }

  @Override
  public void prepareRequestData(InferenceRequest request, List<Endpoint> candidates) {
    for (Endpoint candidate : candidates) {
      candidate.attributes().put(InFlightLoad.KEY, loadOf(candidate.metadata()));
    }
  }

  @Override
  public void preRequest(InferenceRequest request, SchedulingResult result) {
    ProfileRunResult primary = result.primary();
    if (primary.targetEndpoints().isEmpty()) {
      return;
    }
    EndpointMetadata target = primary.targetEndpoints().get(0).metadata();
    long tokens = TokenEstimator.estimate(request);
    Counters c = counters.computeIfAbsent(target, m -> new Counters());
    c.requests.incrementAndGet();
    c.tokens.addAndGet(tokens);
    request.state().put(DISPATCH, new Dispatch(target, tokens));
  }

  @Override
  public void responseBody(InferenceRequest request, InferenceResponse response) {
    if (!response.endOfStream()) {
      return;
    }
    request.state().remove(DISPATCH).ifPresent(dispatch -> {
      Counters c = counters.get(dispatch.endpoint());
      if (c != null) {
        c.requests.decrementAndGet();
        c.tokens.addAndGet(-dispatch.tokens());
      }
    });
  }

  /** Drops the counters of endpoints that are no longer in the datastore. */
  public void purgeDepartedEndpoints() {
    counters.retainOnly(datastore.endpoints());
  }

  /** Stops the periodic purge. */
  @Override
  public void close() {
    purge.cancel(false);
  }

  private record Dispatch(EndpointMetadata endpoint, long tokens) {}

  private static final class Counters {
    final AtomicLong requests = new AtomicLong();
    final AtomicLong tokens = new AtomicLong();
  }
}
