/**
 * The {@code destination-endpoint-served-verifier} plugin (conformance testing).
 *
 * <p>Type {@code destination-endpoint-served-verifier}; no parameters; a ResponseHeaderProcessor.
 * Reads {@code filter_metadata["envoy.lb"]["x-gateway-destination-endpoint-served"]}, which the
 * proxy sets to the {@code ip:port} that served the request, and sets it as the response header
 * {@code x-conformance-test-served-endpoint}. Nothing is set when the proxy does not report it.
 */
package dev.inferencegateway.epp.server.requestcontrol.servedverifier;
