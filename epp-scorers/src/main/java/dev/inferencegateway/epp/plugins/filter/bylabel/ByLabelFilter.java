package dev.inferencegateway.epp.plugins.filter.bylabel;

import dev.inferencegateway.epp.core.endpoint.Endpoint;
import dev.inferencegateway.epp.core.plugin.PluginDescriptor;
import dev.inferencegateway.epp.core.request.InferenceRequest;
import dev.inferencegateway.epp.core.scheduling.CycleState;
import dev.inferencegateway.epp.core.scheduling.Filter;
import dev.inferencegateway.epp.plugins.NamedPlugin;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The llm-d {@code by-label} filter: keep endpoints whose label value is allowed. */
public final class ByLabelFilter extends NamedPlugin implements Filter {
  /** The registered type name. */
  public static final String TYPE = "by-label";

  /** The descriptor registering this type. */
  public static final PluginDescriptor<Parameters> DESCRIPTOR = PluginDescriptor.builder(
      TYPE, Parameters.class, (name, params, handle) -> new ByLabelFilter(name, params)).build();

  /**
   * The parameters of {@code by-label}.
   *
   * @param label the pod label key to check (required)
   * @param validValues the accepted values (default none)
   * @param allowsNoLabel whether endpoints without the label pass (default false)
   */
  public record Parameters(String label, List<String> validValues, Boolean allowsNoLabel) {
    public Parameters {
      if (label == null || label.isBlank()) {
        throw new IllegalArgumentException("'label' must be set to a label key");
      }
      validValues = validValues == null ? List.of() : List.copyOf(validValues);
      allowsNoLabel = allowsNoLabel != null && allowsNoLabel;
      if (validValues.isEmpty() && !allowsNoLabel) {
        throw new IllegalArgumentException("'validValues' must not be empty unless 'allowsNoLabel'"
            + " is true (no endpoint could pass)");
      }
    }
  }

  private final String label;
  private final Set<String> validValues;
  private final boolean allowsNoLabel;

  /** Creates the filter. */
  public ByLabelFilter(String name, Parameters parameters) {
    super(TYPE, name);
    this.label = parameters.label();
    this.validValues = Set.copyOf(parameters.validValues());
    this.allowsNoLabel = parameters.allowsNoLabel();
  }

  @Override
  public List<Endpoint> filter(CycleState state, InferenceRequest request, List<Endpoint> candidates) {
    List<Endpoint> kept = new ArrayList<>(candidates.size());
    for (Endpoint candidate : candidates) {
      String value = candidate.metadata().labels().get(label);
      if (value == null ? allowsNoLabel : validValues.contains(value)) {
        kept.add(candidate);
      }
    }
    return kept.size() == candidates.size() ? candidates : kept;
  }
}
