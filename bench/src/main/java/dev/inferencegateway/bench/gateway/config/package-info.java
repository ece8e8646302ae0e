/**
 * The local gateway's route file: InferencePools and HTTPRoute-like rules, read strictly.
 *
 * <p>The file is YAML with these keys (unknown keys, wrong types and bad values stop loading with
 * an error naming the file, the field and the reason):
 *
 * <pre>{@code
 * listen: localhost:8080           # host:port; port 0 picks a free port (default localhost:8080)
 * bbr:                             # optional: the Body-Based Router, called first (fail-closed)
 *   address: localhost:9004        # required, host:port
 *   tls: true                      # default true; any certificate is trusted
 *   processResponse: true          # default true: responses pass through BBR too
 * timeouts:                        # optional, Go durations
 *   extProcMessage: 30s            # per ext_proc answer (Envoy message_timeout)
 *   connect: 5s                    # upstream connect timeout per endpoint
 *   request: 300s                  # default request timeout of rules without one
 *   shutdownGrace: 5s              # how long stopping waits for requests in flight
 * maxRequestBodyBytes: 67108864    # optional; larger request bodies get 413
 * pools:                           # InferencePools (at least one)
 *   - name: vllm-llama3-8b-instruct
 *     endpointPickerRef:           # optional; without it the gateway balances round-robin
 *       address: localhost:9002    # required, host:port of the EPP's ext_proc server
 *       tls: true                  # default true; the EPP's self-signed certificate is trusted
 *       failureMode: FailClose     # FailClose (default: 503) or FailOpen (round-robin to endpoints)
 *       subsetHint: [10.0.0.1:8000]  # optional: envoy.lb.subset_hint/x-gateway-destination-endpoint-subset
 *     endpoints: [127.0.0.1:8001]  # ip:port; required with FailOpen or without endpointPickerRef
 * routes:                          # HTTPRoutes (at least one), tried in order
 *   - name: llm-llama-route
 *     rules:                       # the Gateway API's spec.rules; the first matching rule wins
 *       - matches:                 # any match selects the rule (default: every request)
 *           - path: {type: PathPrefix, value: /}     # PathPrefix (default), Exact, RegularExpression
 *             headers:                               # all must hold; names compare case-insensitively
 *               - {type: Exact, name: X-Gateway-Base-Model-Name, value: meta-llama/Llama-3.1-8B-Instruct}
 *         backendRefs:             # InferencePools, chosen by weight
 *           - {group: inference.networking.k8s.io, kind: InferencePool, name: vllm-llama3-8b-instruct, weight: 1}
 *         timeouts: {request: 300s}
 * }</pre>
 *
 * <p>A request that matches no rule gets 404 with an OpenAI-style JSON error naming the model and
 * the routed values. {@code bench/src/main/resources/gateway/seed-routes.yaml} is the seed
 * scenario's file. The same configuration can be built in code from these records
 * ({@link dev.inferencegateway.bench.gateway.config.GatewayConfig#of},
 * {@link dev.inferencegateway.bench.gateway.config.HttpRouteSpec#byHeader},
 * {@link dev.inferencegateway.bench.gateway.config.InferencePoolSpec#of}).
 */
package dev.inferencegateway.bench.gateway.config;
