/**
 * The static source of the datastore: endpoints without Kubernetes, for the local demo, the
 * benchmarks and fixed fleets.
 *
 * <p>Either {@code --endpoints host:port,host:port} (IPv6 as {@code [addr]:port}; each endpoint
 * is named {@code host:port}, scraped on its own port, without labels), or an endpoints file in
 * YAML (JSON also works):
 *
 * <pre>{@code
 * endpoints:
 *   - name: vllm-0            # optional; default "<address>:<port>"; unique
 *     address: 10.0.0.5       # required; IP address or host name
 *     port: 8000              # required; 1..65535; address:port unique
 *     metricsPort: 8000       # optional; where /metrics is scraped; default: port
 *     labels:                 # optional; read like pod labels, e.g. the engine type
 *       llm-d.ai/engine-type: vllm
 * objectives:                 # optional; the pool's InferenceObjectives without Kubernetes
 *   - name: batch-summaries   # required; unique; what x-gateway-inference-objective names
 *     priority: -1            # optional; default 0; negative = sheddable under saturation
 * }</pre>
 *
 * <p>Unknown fields are errors. {@code objectives} stands in for the InferenceObjective resources
 * ({@code metadata.name}, {@code spec.priority}) that a Kubernetes-backed EPP watches; a request
 * naming an objective that is not listed gets priority 0. The pool is named by the options (default {@code static}) with
 * no selector and the distinct ports of the endpoints as target ports. The file is checked for
 * changes every second: a valid change replaces the endpoints (those unchanged keep their
 * metrics), an invalid one is reported with the file, field and line, and the previous endpoints
 * stay. An unusable file at start is a startup error. A documented sample is on the classpath at
 * {@link dev.inferencegateway.epp.datastore.staticendpoints.StaticSourceOptions#SAMPLE_RESOURCE}.
 */
package dev.inferencegateway.epp.datastore.staticendpoints;
