/**
 * The EPP's datastore: the pool, its endpoints with their latest metrics, objectives and model
 * rewrites, behind {@link dev.inferencegateway.epp.core.datastore.Datastore}.
 *
 * <p>{@link dev.inferencegateway.epp.datastore.PoolDatastore} is fed by one
 * {@link dev.inferencegateway.epp.datastore.EndpointSource}: Kubernetes informers
 * ({@code kubernetes}), a standalone pod selector ({@code kubernetes}) or a static list
 * ({@code staticendpoints}). It publishes endpoint additions and removals to
 * {@link dev.inferencegateway.epp.datastore.EndpointListener}s, which is how the metrics collector
 * ({@code collector}) starts and stops per-endpoint polling, and computes
 * {@link dev.inferencegateway.epp.datastore.PoolAggregates} periodically for the
 * {@code inference_pool_*} gauges. No Kubernetes client type appears in this API.
 */
package dev.inferencegateway.epp.datastore;
