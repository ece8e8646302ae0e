/**
 * The Body-Based Router as a stage inside another ext_proc server (the co-packaged mode):
 * {@link dev.inferencegateway.bbr.embed.BbrStage} builds the BBR chain and its mapping source and
 * hands out an {@link dev.inferencegateway.extproc.ExchangeHandlerFactory} to put first in an
 * {@link dev.inferencegateway.extproc.ExchangeChain}. The standalone BBR server is built on it too.
 */
package dev.inferencegateway.bbr.embed;
