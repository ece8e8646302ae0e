/**
 * {@code approx-prefix-cache-producer}: the approximate prefix-cache index, the default producer
 * of {@code PrefixCacheMatchInfo} (consumed by {@code prefix-cache-scorer} and
 * {@code prefix-cache-affinity-filter}).
 *
 * <ol>
 *   <li><b>Input.</b> The request's {@code promptBytes} as the parser fills them: the JSON of
 *       {@code messages} (chat), the prompt text (completions), the JSON of
 *       {@code [instructions, tools, input]} (responses), of {@code items} (conversations), of
 *       {@code input} (embeddings).
 *   <li><b>Block size.</b> {@code cacheBlockSize} of the first candidate when {@code autoTune}
 *       and reported, else {@code blockSizeTokens}; 4 characters per token, so 64 bytes by
 *       default.
 *   <li><b>Hashes.</b> See {@link dev.inferencegateway.epp.plugins.producer.prefix.PromptHasher}:
 *       XXH64 chained from {@code xxh64(targetModel ‖ cache_salt)}, truncated to
 *       {@code maxPrefixBlocksToMatch} blocks (or {@code maxPrefixTokensToMatch / blockSize}), the
 *       trailing partial block included; a prompt shorter than one block has none.
 *   <li><b>Match.</b> Walk the hashes in order and stop at the first that no endpoint holds; each
 *       endpoint's {@code matchBlocks} counts the hashes of that leading run it holds. Every
 *       candidate gets {@code PrefixCacheMatchInfo(matchBlocks, totalBlocks, blockSizeTokens)}.
 *   <li><b>Learn.</b> In {@code PreRequest} the hashes are added to the LRU of the primary
 *       profile's first endpoint and of the {@code prefill} profile's first endpoint. A prompt of
 *       fewer than 128 blocks is learned at once (a few microseconds under the index's write
 *       lock). A longer one is learned off the request path, as upstream learns asynchronously: on
 *       the plugin scheduler (up to 0.2 ms for 256 new blocks with evictions), or by the next match
 *       if still pending, so every request sees the learning of the requests before it.
 *   <li><b>Index.</b> Block hash to endpoints, plus one LRU per endpoint with capacity
 *       {@code cacheNumBlocks} when {@code autoTune} and reported, else
 *       {@code lruCapacityPerServer}; an eviction removes the endpoint from the hash. Endpoints
 *       that left the datastore are purged every 2 minutes. The number of entries is reported
 *       to {@code MetricsRecorder.prefixIndexerSize} every second; each scheduled request
 *       reports its hit ratio and hit bytes ({@code match × blockSize × 4}).
 * </ol>
 *
 * <p>Parameters (defaults): {@code autoTune} (true), {@code blockSizeTokens} (16),
 * {@code maxPrefixBlocksToMatch} (256), {@code maxPrefixTokensToMatch} (0 = use blocks),
 * {@code lruCapacityPerServer} (31250); accepted with a deprecation warning, converted at 4
 * characters per token: {@code blockSize} and {@code hashBlockSize} (characters). Upstream rejects
 * {@code blockSize} without {@code blockSizeTokens}; here it is converted, and rejected only when
 * it is not a multiple of 4 or contradicts {@code blockSizeTokens}.
 */
package dev.inferencegateway.epp.plugins.producer.prefix;
