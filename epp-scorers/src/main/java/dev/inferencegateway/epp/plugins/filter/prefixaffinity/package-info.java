/**
 * {@code prefix-cache-affinity-filter}: narrows the candidates to the "sticky" endpoints that
 * already hold most of the prompt.
 *
 * <ul>
 *   <li>Behaviour: keeps the endpoints whose prefix score ({@code matchBlocks / totalBlocks}) is at
 *       least {@code affinityThreshold}; when none qualifies, or there is at most one candidate,
 *       or the threshold is 0, all are kept. With probability {@code explorationProbability}
 *       (drawn from the injected random source) the gate is skipped and all are kept.
 *   <li>TTFT gate: upstream also breaks stickiness when the best sticky endpoint's predicted TTFT
 *       exceeds the best other one's by more than {@code maxTTFTPenaltyMs}. That needs latency
 *       predictions ({@code LatencyPredictionInfo} from the latency-predictor sidecars), which this
 *       EPP does not produce, so the gate never applies; upstream skips it the same way when
 *       predictions are absent. The parameter is still validated so configs stay portable.
 *   <li>Parameters (defaults): {@code affinityThreshold} (0.80, in [0, 1]),
 *       {@code explorationProbability} (0.01, in [0, 1]), {@code maxTTFTPenaltyMs} (5000, ≥ 0).
 *   <li>Consumes: {@code PrefixCacheMatchInfo}, so the loader creates the prefix producer.
 * </ul>
 */
package dev.inferencegateway.epp.plugins.filter.prefixaffinity;
