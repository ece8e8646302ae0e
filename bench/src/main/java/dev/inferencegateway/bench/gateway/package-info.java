/**
 * The local gateway: a development and test tool that does, on one machine, what Envoy with
 * ext_proc does in front of InferencePools in the seed setup. Production uses a real gateway
 * (Envoy Gateway, Istio, GKE, kgateway) installed by the charts.
 *
 * <p>For each request, in Envoy's order:
 * <ol>
 *   <li>the Body-Based Router over ext_proc (FULL_DUPLEX_STREAMED), when configured; its header
 *       mutations (e.g. {@code X-Gateway-Base-Model-Name}) and body are applied; an unreachable
 *       or failing BBR gives 503 (it is fail-closed, as in the charts);</li>
 *   <li>HTTPRoute-like rules choose an InferencePool (first match wins, weighted backendRefs); no
 *       match gives 404 with a JSON body naming the model that was not routed;</li>
 *   <li>the pool's EPP over ext_proc (FULL_DUPLEX_STREAMED, with the subset hint when
 *       configured): an {@code ImmediateResponse} goes to the client as is; otherwise header
 *       mutations and the (possibly rewritten) body are applied. When the EPP is unreachable,
 *       fails or times out, {@code FailOpen} forwards round-robin to the pool's endpoints and
 *       {@code FailClose} answers 503;</li>
 *   <li>the request goes to the first {@code ip:port} of {@code x-gateway-destination-endpoint}
 *       (header, else {@code envoy.lb} metadata), the next ones on connect failure; all refused
 *       gives 503, no response headers within the rule's timeout gives 504;</li>
 *   <li>the response headers go through the EPP with
 *       {@code envoy.lb/x-gateway-destination-endpoint-served} in the filter metadata, then
 *       through the BBR; the body follows chunk by chunk through both and is flushed to the
 *       client as it comes (SSE stays streamed); then each processor gets empty trailers.</li>
 * </ol>
 *
 * <p>Processors may set and remove headers and rewrite {@code :path}; {@code :method},
 * {@code :authority}, {@code :scheme}, {@code host} and {@code x-envoy-*} are protected, as with
 * Envoy's default mutation rules. TLS to processors trusts any certificate.
 *
 * <p>In-process use ({@link dev.inferencegateway.bench.gateway.LocalGateway}):
 * <pre>{@code
 * GatewayConfig config = GatewayConfig.of(BodyBasedRouterRef.of("localhost:9004", true),
 *     List.of(InferencePoolSpec.of("vllm-llama3-8b-instruct",
 *         EndpointPickerRef.of("localhost:9002", true, FailureMode.FAIL_CLOSE), List.of("127.0.0.1:8001"))),
 *     List.of(HttpRouteSpec.byHeader("llm-llama-route", "X-Gateway-Base-Model-Name",
 *         "vllm-llama3-8b-instruct", "meta-llama/Llama-3.1-8B-Instruct")));
 * try (LocalGateway gateway = LocalGateway.start(config.withListen("localhost:8080"))) {
 *   ...
 * }
 * }</pre>
 * From the command line: {@link dev.inferencegateway.bench.gateway.GatewayMain}
 * ({@code --config FILE|classpath:gateway/seed-routes.yaml --listen HOST:PORT}).
 */
package dev.inferencegateway.bench.gateway;
