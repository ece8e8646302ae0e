package dev.inferencegateway.epp.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The feature gates of upstream's EPP and what this build does with each.
 *
 * <ul>
 *   <li>{@value #DATA_LAYER}: obsolete, the data layer is always on; accepted with a notice.
 *   <li>{@value #ENABLE_LEGACY_METRICS}: accepted with a warning; this build has one metrics
 *       collector, the data layer.
 *   <li>{@value #FLOW_CONTROL}: refused, because this build has no flow-control layer.
 * </ul>
 */
public final class FeatureGates {
  /** The obsolete gate that enabled the data layer. */
  public static final String DATA_LAYER = "dataLayer";
  /** The gate that selected upstream's legacy metrics collector. */
  public static final String ENABLE_LEGACY_METRICS = "enableLegacyMetrics";
  /** The gate that enables flow control (queuing, fairness, priority bands). */
  public static final String FLOW_CONTROL = "flowControl";

  private static final List<String> REGISTERED = List.of(DATA_LAYER, ENABLE_LEGACY_METRICS, FLOW_CONTROL);

  private FeatureGates() {}

  /**
   * Returns the effective gates: the configured ones plus {@value #FLOW_CONTROL} when the
   * deprecated environment variable asks for it; validates each.
   *
   * @throws ConfigException for an unknown gate and for {@value #FLOW_CONTROL}
   */
  static List<String> resolve(List<String> configured, LoaderOptions options, ConfigErrors errors,
      Consumer<String> warnings) {
    List<String> gates = new ArrayList<>(configured);
    boolean fromEnvironment = "true".equals(options.environment().apply(LoaderOptions.FLOW_CONTROL_ENV));
    if (fromEnvironment && !gates.contains(FLOW_CONTROL)) {
      gates.add(FLOW_CONTROL);
    }
    for (int i = 0; i < gates.size(); i++) {
      String gate = gates.get(i);
      String path = i < configured.size() ? "featureGates[" + i + "]" : null;
      if (!REGISTERED.contains(gate)) {
        throw errors.at(path, ConfigErrors.GATES + "feature gate '" + gate + "' is unknown or unregistered");
      }
      switch (gate) {
        case DATA_LAYER -> warnings.accept(errors.located(path, "feature gate '" + DATA_LAYER
            + "' is obsolete: the data layer is always enabled"));
        case ENABLE_LEGACY_METRICS -> warnings.accept(errors.located(path, "feature gate '"
            + ENABLE_LEGACY_METRICS + "' has no effect: this build has a single metrics collector,"
            + " the data layer"));
        default -> throw errors.at(path, ConfigErrors.GATES + "feature gate '" + FLOW_CONTROL
            + "' is not supported: flow control is not implemented in this build (requests are"
            + " admitted directly and sheddable requests are rejected while the pool is saturated);"
            + (path == null ? " unset " + LoaderOptions.FLOW_CONTROL_ENV : " remove the gate"
                + (fromEnvironment ? " and unset " + LoaderOptions.FLOW_CONTROL_ENV : "")));
      }
    }
    return List.copyOf(gates);
  }
}
