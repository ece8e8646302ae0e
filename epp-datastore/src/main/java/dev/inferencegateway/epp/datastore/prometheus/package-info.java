/**
 * Our own parser of the Prometheus text exposition format (0.0.4, the 1.0.0 quoted-name syntax)
 * and of OpenMetrics text.
 *
 * <p>{@link dev.inferencegateway.epp.datastore.prometheus.PrometheusTextParser} streams an
 * exposition through a reusable buffer, checks the syntax of every line and materialises only the
 * families named by a {@link dev.inferencegateway.epp.datastore.prometheus.FamilySelection}, so
 * the histograms that make up most of a model server's {@code /metrics} cost a scan and no
 * allocation. A malformed line raises a
 * {@link dev.inferencegateway.epp.datastore.prometheus.PrometheusParseException} with its line
 * number; nothing else escapes a parse.
 *
 * <p>Not checked: cross-line consistency such as a second {@code # TYPE} for one family, or
 * duplicate label names in families that are not selected.
 */
package dev.inferencegateway.epp.datastore.prometheus;
