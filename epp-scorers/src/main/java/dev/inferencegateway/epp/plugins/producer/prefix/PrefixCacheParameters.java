package dev.inferencegateway.epp.plugins.producer.prefix;

import dev.inferencegateway.epp.plugins.ParameterChecks;

/**
 * The parameters of {@code approx-prefix-cache-producer}, with upstream's defaults.
 *
 * <p>Besides its own keys it accepts the keys users still put on {@code prefix-cache-scorer}
 * (which the loader forwards here): {@code hashBlockSize} (v1.0, characters) and the deprecated
 * {@code blockSize} (characters). Both become {@code blockSizeTokens = characters / 4}; they must
 * be a positive multiple of 4 and agree with {@code blockSizeTokens} when that is also given.
 *
 * @param autoTune take the block size and LRU capacity from each endpoint's
 *     {@code cache_config_info} when reported (default true)
 * @param blockSizeTokens tokens per block (default 16)
 * @param maxPrefixBlocksToMatch the most blocks hashed per request (default 256)
 * @param maxPrefixTokensToMatch when above 0, the most tokens hashed per request; overrides
 *     {@code maxPrefixBlocksToMatch} as {@code tokens / blockSizeTokens} (default 0)
 * @param lruCapacityPerServer blocks remembered per endpoint (default 31250)
 * @param blockSize deprecated block size in characters; null when not given
 * @param hashBlockSize v1.0 block size in characters; null when not given
 */
public record PrefixCacheParameters(
    Boolean autoTune,
    Integer blockSizeTokens,
    Integer maxPrefixBlocksToMatch,
    Integer maxPrefixTokensToMatch,
    Integer lruCapacityPerServer,
    Integer blockSize,
    Integer hashBlockSize) {

  /** Upstream's default block size in tokens. */
  public static final int DEFAULT_BLOCK_SIZE_TOKENS = 16;
  /** Upstream's default maximum number of blocks hashed per request. */
  public static final int DEFAULT_MAX_PREFIX_BLOCKS = 256;
  /** Upstream's default LRU capacity per endpoint: (80 GB − 16 GB) / 128 KB per token / 16. */
  public static final int DEFAULT_LRU_CAPACITY_PER_SERVER = 31_250;

  public PrefixCacheParameters {
    Integer fromCharacters = blockSizeFromCharacters(blockSize, hashBlockSize);
    if (blockSizeTokens != null && blockSizeTokens <= 0) {
      throw new IllegalArgumentException("'blockSizeTokens' must be > 0, got " + blockSizeTokens);
    }
    if (blockSizeTokens != null && fromCharacters != null && !blockSizeTokens.equals(fromCharacters)) {
      throw new IllegalArgumentException("'blockSizeTokens' (" + blockSizeTokens + ") contradicts the"
          + " character block size " + fromCharacters * PromptHasher.CHARACTERS_PER_TOKEN
          + " (= " + fromCharacters + " tokens); give only 'blockSizeTokens'");
    }
    autoTune = autoTune == null || autoTune;
    blockSizeTokens = blockSizeTokens != null ? blockSizeTokens
        : fromCharacters != null ? fromCharacters : DEFAULT_BLOCK_SIZE_TOKENS;
    maxPrefixBlocksToMatch = ParameterChecks.positive("maxPrefixBlocksToMatch", maxPrefixBlocksToMatch,
        DEFAULT_MAX_PREFIX_BLOCKS);
    if (maxPrefixTokensToMatch != null && maxPrefixTokensToMatch < 0) {
      throw new IllegalArgumentException("'maxPrefixTokensToMatch' must be >= 0, got " + maxPrefixTokensToMatch);
    }
    maxPrefixTokensToMatch = maxPrefixTokensToMatch == null ? 0 : maxPrefixTokensToMatch;
    lruCapacityPerServer = ParameterChecks.positive("lruCapacityPerServer", lruCapacityPerServer,
        DEFAULT_LRU_CAPACITY_PER_SERVER);
  }

  /** Returns the parameters with every default applied. */
  public static PrefixCacheParameters defaults() {
    return new PrefixCacheParameters(null, null, null, null, null, null, null);
  }

  /** Returns the most blocks to hash when blocks hold {@code blockTokens} tokens. */
  public int maxBlocks(int blockTokens) {
    return maxPrefixTokensToMatch > 0 ? maxPrefixTokensToMatch / blockTokens : maxPrefixBlocksToMatch;
  }

  private static Integer blockSizeFromCharacters(Integer blockSize, Integer hashBlockSize) {
    Integer tokens = null;
    if (hashBlockSize != null) {
      tokens = charactersToTokens("hashBlockSize", hashBlockSize);
    }
    if (blockSize != null) {
      int fromBlockSize = charactersToTokens("blockSize", blockSize);
      if (tokens != null && tokens != fromBlockSize) {
        throw new IllegalArgumentException("'blockSize' (" + blockSize + ") contradicts 'hashBlockSize' ("
            + hashBlockSize + "); give only 'blockSizeTokens'");
      }
      tokens = fromBlockSize;
    }
    return tokens;
  }

  private static int charactersToTokens(String field, int characters) {
    if (characters <= 0 || characters % PromptHasher.CHARACTERS_PER_TOKEN != 0) {
      throw new IllegalArgumentException("'" + field + "' is a block size in characters and must be a"
          + " positive multiple of " + PromptHasher.CHARACTERS_PER_TOKEN
          + " (characters per token), got " + characters + "; prefer 'blockSizeTokens'");
    }
    return characters / PromptHasher.CHARACTERS_PER_TOKEN;
  }
}
