package dev.inferencegateway.epp.plugins.filter.prefixaffinity;

import dev.inferencegateway.epp.core.endpoint.Endpoint;
import dev.inferencegateway.epp.core.plugin.DataKey;
import dev.inferencegateway.epp.core.plugin.PluginDescriptor;
import dev.inferencegateway.epp.core.plugin.Stability;
import dev.inferencegateway.epp.core.request.InferenceRequest;
import dev.inferencegateway.epp.core.scheduling.CycleState;
import dev.inferencegateway.epp.core.scheduling.Filter;
import dev.inferencegateway.epp.plugins.NamedPlugin;
import dev.inferencegateway.epp.plugins.ParameterChecks;
import dev.inferencegateway.epp.plugins.producer.prefix.PrefixCacheMatchInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/** The {@code prefix-cache-affinity-filter}: keep only endpoints holding most of the prompt. */
public final class PrefixCacheAffinityFilter extends NamedPlugin implements Filter {
  /** The registered type name. */
  public static final String TYPE = "prefix-cache-affinity-filter";

  /** The descriptor registering this type. */
  public static final PluginDescriptor<Parameters> DESCRIPTOR = PluginDescriptor.builder(
      TYPE, Parameters.class,
      (name, params, handle) -> new PrefixCacheAffinityFilter(name, params, handle.random()))
      .stability(Stability.BETA)
      .build();

  /**
   * The parameters of {@code prefix-cache-affinity-filter}.
   *
   * @param affinityThreshold prefix score from which an endpoint is sticky (default 0.80)
   * @param explorationProbability probability of skipping the gate (default 0.01)
   * @param maxTTFTPenaltyMs TTFT penalty that breaks stickiness, needs predictions (default 5000)
   */
  public record Parameters(Double affinityThreshold, Double explorationProbability,
      Double maxTTFTPenaltyMs) {
    public Parameters {
      affinityThreshold = ParameterChecks.unitInterval("affinityThreshold", affinityThreshold, 0.80);
      explorationProbability =
          ParameterChecks.unitInterval("explorationProbability", explorationProbability, 0.01);
      maxTTFTPenaltyMs = ParameterChecks.nonNegative("maxTTFTPenaltyMs", maxTTFTPenaltyMs, 5000.0);
    }
  }

  private final double threshold;
  private final double exploration;
  private final RandomGenerator random;

  /** Creates the filter drawing exploration from {@code random}. */
  public PrefixCacheAffinityFilter(String name, Parameters parameters, RandomGenerator random) {
    super(TYPE, name);
    this.threshold = parameters.affinityThreshold();
    this.exploration = parameters.explorationProbability();
    this.random = random;
  }

  @Override
  public Set<DataKey<?>> consumes() {
    return Set.of(PrefixCacheMatchInfo.KEY);
  }

  @Override
  public List<Endpoint> filter(CycleState state, InferenceRequest request, List<Endpoint> candidates) {
    if (candidates.size() <= 1 || threshold <= 0 || random.nextDouble() < exploration) {
      return candidates;
    }
    List<Endpoint> sticky = new ArrayList<>();
    for (Endpoint candidate : candidates) {
      double score = candidate.attributes().get(PrefixCacheMatchInfo.KEY)
          .map(PrefixCacheMatchInfo::matchRatio).orElse(0.0);
      if (score >= threshold) {
        sticky.add(candidate);
      }
    }
    return sticky.isEmpty() ? candidates : sticky;
  }
}
