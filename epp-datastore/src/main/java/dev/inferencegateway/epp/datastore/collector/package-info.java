/**
 * Per-endpoint metrics collection: one loop per endpoint at {@code --refresh-metrics-interval},
 * polling each configured data source (with a timeout) and running its extractors, errors logged
 * on transitions only. An endpoint whose pollers are all
 * {@link dev.inferencegateway.epp.datastore.collector.AsyncEndpointPoller}s on one
 * {@link dev.inferencegateway.epp.datastore.collector.PollLoop} is ticked and polled on that loop;
 * any other endpoint gets a virtual thread that blocks in its polls.
 *
 * <p>{@link dev.inferencegateway.epp.datastore.collector.PollingDataSource},
 * {@link dev.inferencegateway.epp.datastore.collector.EndpointPoller} and
 * {@link dev.inferencegateway.epp.datastore.collector.MetricsExtractor} extend the epp-core
 * {@code DataSource}/{@code Extractor} contracts with what the collector needs.
 */
package dev.inferencegateway.epp.datastore.collector;
