package dev.inferencegateway.epp.core.director;

import java.time.Duration;
import java.util.Objects;

/**
 * The switches of the {@link Director}.
 *
 * @param subsetFilterEnabled whether the proxy's subset hint restricts the candidates (off with
 *     {@code --disable-endpoint-subset-filter})
 * @param dataProducerBudget the total time data producers may take per request
 */
public record DirectorOptions(boolean subsetFilterEnabled, Duration dataProducerBudget) {
  /** Upstream's total budget for data producers ({@code prepareDataTimeout}). */
  public static final Duration DEFAULT_DATA_PRODUCER_BUDGET = Duration.ofMillis(400);

  /** The defaults: subset filter on, 400 ms producer budget. */
  public static final DirectorOptions DEFAULTS = new DirectorOptions(true, DEFAULT_DATA_PRODUCER_BUDGET);

  public DirectorOptions {
    Objects.requireNonNull(dataProducerBudget, "dataProducerBudget");
    if (dataProducerBudget.isNegative() || dataProducerBudget.isZero()) {
      throw new IllegalArgumentException("dataProducerBudget must be > 0");
    }
  }
}
