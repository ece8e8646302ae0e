package dev.inferencegateway.bbr.exchange;

import dev.inferencegateway.bbr.body.JsonBodyScanner;
import dev.inferencegateway.bbr.config.BbrPluginChain;
import dev.inferencegateway.bbr.metrics.BbrMetrics;
import dev.inferencegateway.extproc.ExchangeHandler;
import dev.inferencegateway.extproc.ExchangeHandlerFactory;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * The Body-Based Router: one {@link BbrExchange} per ext_proc stream over a shared plugin chain.
 *
 * <p>With {@code validateWholeBody} false the scan stops once every field the plugins read has
 * been found; use it only when a later stage (the co-packaged EPP) parses and validates the
 * whole body anyway, so that the body is fully parsed once.
 */
public final class BodyBasedRouter implements ExchangeHandlerFactory {
  private final BbrPluginChain chain;
  private final JsonBodyScanner scanner;
  private final BbrMetrics metrics;
  private final LongSupplier nanoClock;

  /** Creates the router. */
  public BodyBasedRouter(BbrPluginChain chain, BbrMetrics metrics, LongSupplier nanoClock,
      boolean validateWholeBody) {
    this.chain = Objects.requireNonNull(chain, "chain");
    this.scanner = new JsonBodyScanner(chain.bodyFields(), validateWholeBody);
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
  }

  @Override
  public ExchangeHandler newExchange() {
    return new BbrExchange(chain, scanner, metrics, nanoClock);
  }

  /** Returns the plugin chain. */
  public BbrPluginChain chain() {
    return chain;
  }
}
