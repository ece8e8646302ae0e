package dev.inferencegateway.epp.plugins.filter.concurrency;

import dev.inferencegateway.epp.core.endpoint.Endpoint;
import dev.inferencegateway.epp.core.plugin.DataKey;
import dev.inferencegateway.epp.core.plugin.PluginDescriptor;
import dev.inferencegateway.epp.core.plugin.PluginHandle;
import dev.inferencegateway.epp.core.request.InferenceRequest;
import dev.inferencegateway.epp.core.requestcontrol.SaturationDetector;
import dev.inferencegateway.epp.core.scheduling.CycleState;
import dev.inferencegateway.epp.core.scheduling.Filter;
import dev.inferencegateway.epp.plugins.NamedPlugin;
import dev.inferencegateway.epp.plugins.ParameterChecks;
import dev.inferencegateway.epp.plugins.producer.inflightload.InFlightLoad;
import dev.inferencegateway.epp.plugins.producer.inflightload.InFlightLoadProducer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The {@code concurrency-detector}: in-flight requests or tokens against a per-endpoint cap. */
public final class ConcurrencyDetector extends NamedPlugin implements Filter, SaturationDetector {
  /** The registered type name. */
  public static final String TYPE = "concurrency-detector";

  /** The descriptor registering this type. */
  public static final PluginDescriptor<Parameters> DESCRIPTOR = PluginDescriptor.builder(
      TYPE, Parameters.class, ConcurrencyDetector::new).build();

  /**
   * The parameters of {@code concurrency-detector}.
   *
   * @param concurrencyMode {@code requests} or {@code tokens} (default requests)
   * @param maxConcurrency in-flight requests per endpoint at saturation (default 100)
   * @param maxTokenConcurrency in-flight tokens per endpoint at saturation (default 1000000)
   * @param headroom extra fraction above the cap the filter still accepts (default 0)
   */
  public record Parameters(String concurrencyMode, Long maxConcurrency, Long maxTokenConcurrency,
      Double headroom) {
    public Parameters {
      if (concurrencyMode == null) {
        concurrencyMode = "requests";
      } else if (!concurrencyMode.equals("requests") && !concurrencyMode.equals("tokens")) {
        throw new IllegalArgumentException("'concurrencyMode' must be \"requests\" or \"tokens\", got \""
            + concurrencyMode + "\"");
      }
      maxConcurrency = ParameterChecks.positive("maxConcurrency", maxConcurrency, 100L);
      maxTokenConcurrency = ParameterChecks.positive("maxTokenConcurrency", maxTokenConcurrency, 1_000_000L);
      headroom = ParameterChecks.nonNegative("headroom", headroom, 0.0);
    }

    boolean tokens() {
      return concurrencyMode.equals("tokens");
    }
  }

  private final boolean tokens;
  private final double limit;
  private final double filterLimit;
  private final PluginHandle handle;
  private volatile InFlightLoadProducer producer;

  /** Creates the detector; the in-flight producer is looked up through {@code handle} on first use. */
  public ConcurrencyDetector(String name, Parameters parameters, PluginHandle handle) {
    super(TYPE, name);
    this.tokens = parameters.tokens();
    this.limit = tokens ? parameters.maxTokenConcurrency() : parameters.maxConcurrency();
    this.filterLimit = limit * (1 + parameters.headroom());
    this.handle = handle;
  }

  @Override
  public Set<DataKey<?>> consumes() {
    return Set.of(InFlightLoad.KEY);
  }

  @Override
  public double saturation(List<Endpoint> candidates) {
    if (candidates.isEmpty()) {
      return 1.0;
    }
    double load = 0;
    for (Endpoint candidate : candidates) {
      load += load(candidate);
    }
    return load / (limit * candidates.size());
  }

  @Override
  public List<Endpoint> filter(CycleState state, InferenceRequest request, List<Endpoint> candidates) {
    List<Endpoint> kept = new ArrayList<>(candidates.size());
    for (Endpoint candidate : candidates) {
      if (load(candidate) < filterLimit) {
        kept.add(candidate);
      }
    }
    return kept.size() == candidates.size() ? candidates : kept;
  }

  private long load(Endpoint endpoint) {
    InFlightLoad load = endpoint.attributes().get(InFlightLoad.KEY).orElse(null);
    if (load == null) {
      InFlightLoadProducer source = producer();
      load = source == null ? InFlightLoad.NONE : source.loadOf(endpoint.metadata());
    }
    return Math.max(0, tokens ? load.tokens() : load.requests());
  }

  private InFlightLoadProducer producer() {
    InFlightLoadProducer found = producer;
    if (found == null) {
      List<InFlightLoadProducer> producers = handle.pluginsOf(InFlightLoadProducer.class);
      found = producers.isEmpty() ? null : producers.get(0);
      producer = found;
    }
    return found;
  }
}
