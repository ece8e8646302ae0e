/** The Body-Based Router's own Prometheus metrics, named as upstream's {@code bbr_*} metrics. */
package dev.inferencegateway.bbr.metrics;
