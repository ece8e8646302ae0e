/**
 * {@code utilization-detector}: the default saturation detector, also usable as a filter.
 *
 * <ul>
 *   <li>Saturation: the unweighted mean over the candidates of
 *       {@code max(queue / queueDepthThreshold, kvCacheUsage / kvCacheUtilThreshold)}, where an
 *       endpoint with stale or missing metrics counts 1.0; no candidate at all is 1.0 (saturated).
 *   <li>Filter: drops endpoints with stale or missing metrics and those with
 *       {@code queue ≥ queueDepthThreshold · (1 + headroom)} or
 *       {@code kvCacheUsage ≥ kvCacheUtilThreshold · (1 + headroom)}; when that would drop every
 *       candidate, all are kept (fail-open).
 *   <li>Stale: never scraped, or last updated more than {@code metricsStalenessThreshold} before
 *       the injected clock's now.
 *   <li>Parameters (defaults): {@code queueDepthThreshold} (5, > 0), {@code kvCacheUtilThreshold}
 *       (0.8, in (0, 1]), {@code metricsStalenessThreshold} ("200ms", > 0), {@code headroom}
 *       (0.0, ≥ 0; above 1.0 loads with a warning).
 * </ul>
 */
package dev.inferencegateway.epp.plugins.filter.utilization;
