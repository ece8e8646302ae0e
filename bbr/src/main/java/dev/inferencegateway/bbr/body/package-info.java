/**
 * Reading request bodies fast: {@link dev.inferencegateway.bbr.body.JsonBodyScanner} validates the
 * JSON and collects the few top-level fields the plugins need in one streaming pass without building
 * a tree; {@link dev.inferencegateway.bbr.body.JsonBody} parses fully only when a plugin asks for
 * more, and re-serialises only when a plugin changed the body.
 */
package dev.inferencegateway.bbr.body;
