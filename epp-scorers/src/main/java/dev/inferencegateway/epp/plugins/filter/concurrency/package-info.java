/**
 * {@code concurrency-detector}: saturation and filtering from the requests (or estimated tokens)
 * this EPP has in flight on each endpoint, open-loop, without waiting for scraped metrics.
 *
 * <ul>
 *   <li>Saturation: total in-flight load over total capacity,
 *       {@code Σ load / (candidates × limit)}, where the limit is {@code maxConcurrency}
 *       (requests mode) or {@code maxTokenConcurrency} (tokens mode); no candidate at all is 1.0.
 *   <li>Filter: drops endpoints whose load reached {@code limit · (1 + headroom)}. As upstream,
 *       this is a hard cap: when every endpoint is at its cap none is kept.
 *   <li>Load: the candidate's {@code InFlightLoad} when the producer has already run for this
 *       request, else read from the {@code inflight-load-producer} itself (saturation is checked
 *       before data producers run); an endpoint never dispatched to has no load.
 *   <li>Parameters (defaults): {@code concurrencyMode} ("requests" | "tokens"),
 *       {@code maxConcurrency} (100, > 0), {@code maxTokenConcurrency} (1000000, > 0),
 *       {@code headroom} (0.0, ≥ 0).
 *   <li>Consumes: {@code InFlightLoad}, so the loader creates {@code inflight-load-producer}.
 * </ul>
 */
package dev.inferencegateway.epp.plugins.filter.concurrency;
