package dev.inferencegateway.epp.core.requestcontrol;

import dev.inferencegateway.epp.core.endpoint.Endpoint;
import dev.inferencegateway.epp.core.plugin.Plugin;
import java.util.List;

/** A plugin that rates how saturated the pool is; 1.0 or more means saturated. */
public interface SaturationDetector extends Plugin {
  /** Returns the saturation of the given candidates; an empty list is saturated (1.0). */
  double saturation(List<Endpoint> candidates);
}
