package dev.inferencegateway.epp.server.handler;

import dev.inferencegateway.extproc.ExchangeHandler;
import dev.inferencegateway.extproc.ExchangeHandlerFactory;
import java.util.Objects;

/** Creates the EPP's handler for each ext_proc stream. */
public final class EppExchangeFactory implements ExchangeHandlerFactory {
  private final ExchangeServices services;

  /** Creates the factory over the shared services. */
  public EppExchangeFactory(ExchangeServices services) {
    this.services = Objects.requireNonNull(services, "services");
  }

  @Override
  public ExchangeHandler newExchange() {
    return new EppExchange(services);
  }
}
