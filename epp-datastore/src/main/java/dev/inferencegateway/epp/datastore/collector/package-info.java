/**
 * Per-endpoint metrics collection: one loop per endpoint at {@code --refresh-metrics-interval},
 * polling each configured data source (with a timeout) and running its extractors, errors logged
 * on transitions only.
 *
 * <p>{@link dev.inferencegateway.epp.datastore.collector.PollingDataSource},
 * {@link dev.inferencegateway.epp.datastore.collector.EndpointPoller} and
 * {@link dev.inferencegateway.epp.datastore.collector.MetricsExtractor} extend the epp-core
 * {@code DataSource}/{@code Extractor} contracts with what the collector needs.
 */
package dev.inferencegateway.epp.datastore.collector;
