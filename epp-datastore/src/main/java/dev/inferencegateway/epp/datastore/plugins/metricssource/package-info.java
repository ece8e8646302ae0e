/**
 * The {@code metrics-data-source} plugin (a data-layer source).
 *
 * <p>Every {@code --refresh-metrics-interval} it fetches {@code {scheme}://{metricsHost}{path}}
 * of each endpoint with a per-poll timeout of 1 s over a keep-alive HTTP/1.1 connection that the
 * endpoint's polling loop owns (opened through the shared
 * {@link dev.inferencegateway.epp.datastore.plugins.metricssource.ScrapeHttpClient}; fixed-length,
 * chunked, close-delimited and gzip bodies, redirects), and parses the body as it arrives with our
 * streaming Prometheus text parser. Plain-HTTP endpoints at IP addresses (pods) are scraped from
 * event-loop threads ({@code metrics-scraper-N}, one per four processors) that each wait on
 * their endpoints' sockets at once and parse each complete response; https endpoints, host names and endpoints that redirect are
 * read by a blocking poller on a virtual thread. Only the families that the extractors under it read are materialised (see
 * {@link dev.inferencegateway.epp.datastore.plugins.metricssource.MetricFamilyConsumer}). A
 * status other than 200, a timeout or a malformed line fails the poll with a message that names
 * the endpoint (and the line); the endpoint keeps its last metrics.
 *
 * <p>Output: {@link dev.inferencegateway.epp.datastore.prometheus.MetricFamilies}.
 *
 * <p>Parameters (all optional):
 * <ul>
 *   <li>{@code scheme}: {@code http} (default) or {@code https};</li>
 *   <li>{@code path}: default {@code /metrics};</li>
 *   <li>{@code insecureSkipVerify}: default {@code true}; skip certificate checks for https.</li>
 * </ul>
 * Defaults come from the deprecated {@code --model-server-metrics-scheme}, {@code -path} and
 * {@code -https-insecure-skip-verify} flags when the server passes them as
 * {@link dev.inferencegateway.epp.datastore.plugins.metricssource.ScrapeSettings}; explicit
 * parameters win. Requests ask for the text format without compression.
 */
package dev.inferencegateway.epp.datastore.plugins.metricssource;
