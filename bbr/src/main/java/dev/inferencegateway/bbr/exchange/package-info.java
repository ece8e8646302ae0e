/**
 * The Body-Based Router as an ext_proc {@link dev.inferencegateway.extproc.ExchangeHandler}: scan
 * the body once, run the request processors, forward with their header changes (and the body,
 * re-serialised only when changed), and stream the response through the response processors.
 */
package dev.inferencegateway.bbr.exchange;
