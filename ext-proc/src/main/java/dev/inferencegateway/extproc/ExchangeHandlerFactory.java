package dev.inferencegateway.extproc;

/** Creates one {@link ExchangeHandler} per ext_proc stream. */
@FunctionalInterface
public interface ExchangeHandlerFactory {
  /** Returns a fresh handler for a new stream. */
  ExchangeHandler newExchange();
}
