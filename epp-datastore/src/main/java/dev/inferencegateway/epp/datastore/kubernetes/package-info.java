/**
 * Kubernetes sources of the datastore, on fabric8 informers (JDK HTTP client).
 *
 * <p>{@link dev.inferencegateway.epp.datastore.kubernetes.KubernetesSource} watches one
 * InferencePool ({@code inference.networking.k8s.io/v1}), its namespace's Pods, and
 * InferenceObjective / InferenceModelRewrite in {@code inference.networking.x-k8s.io/v1alpha2}
 * and {@code llm-d.ai/v1alpha2}. {@link dev.inferencegateway.epp.datastore.kubernetes.StandaloneSource}
 * watches Pods by label only. Endpoint rules (upstream's): a Pod counts when its labels match the
 * selector, it is Ready with an IP and not being deleted; it yields one endpoint per target port
 * named {@code <pod>-rank-<index>}, restricted by the {@code llm-d.ai/active-ports} or
 * {@code inference.networking.k8s.io/active-ports} annotation; metrics are scraped on the target
 * port, or on {@code --model-server-metrics-port} when the pool has exactly one target port.
 *
 * <p>Informer failures are reported in the datastore status and logged, and informers retry with
 * the client's backoff; readiness waits for every informer's initial list.
 */
package dev.inferencegateway.epp.datastore.kubernetes;
