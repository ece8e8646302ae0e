package dev.inferencegateway.epp.plugins.producer.prefix;

import dev.inferencegateway.epp.core.datastore.Datastore;
import dev.inferencegateway.epp.core.endpoint.Endpoint;
import dev.inferencegateway.epp.core.metrics.MetricsRecorder;
import dev.inferencegateway.epp.core.plugin.DataKey;
import dev.inferencegateway.epp.core.plugin.PluginDescriptor;
import dev.inferencegateway.epp.core.plugin.PluginHandle;
import dev.inferencegateway.epp.core.request.InferenceRequest;
import dev.inferencegateway.epp.core.requestcontrol.DataProducer;
import dev.inferencegateway.epp.core.requestcontrol.PreRequest;
import dev.inferencegateway.epp.core.scheduling.ProfileRunResult;
import dev.inferencegateway.epp.core.scheduling.SchedulingResult;
import dev.inferencegateway.epp.plugins.NamedPlugin;
import dev.inferencegateway.epp.plugins.producer.EndpointTable;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The {@code approx-prefix-cache-producer}: estimates which endpoints hold each request's prompt
 * prefix from the prompts previously sent to them, without tokenizing.
 */
public final class ApproxPrefixCacheProducer extends NamedPlugin
    implements DataProducer, PreRequest, AutoCloseable {
  /** The registered type name. */
  public static final String TYPE = "approx-prefix-cache-producer";
  /** The profile whose first endpoint also learns the prompt (upstream's hard-coded name). */
  public static final String PREFILL_PROFILE = "prefill";
  /** The prompt length, in blocks, from which learning is handed to the plugin scheduler. */
  static final int BACKGROUND_LEARNING_BLOCKS = 128;
  /** How often the index size is reported (pending learning is applied first). */
  public static final Duration SIZE_REPORT_INTERVAL = Duration.ofSeconds(1);

  /** The descriptor registering this type as the default producer of {@link PrefixCacheMatchInfo#KEY}. */
  public static final PluginDescriptor<PrefixCacheParameters> DESCRIPTOR = PluginDescriptor
      .builder(TYPE, PrefixCacheParameters.class, ApproxPrefixCacheProducer::create)
      .defaultProducerFor(PrefixCacheMatchInfo.KEY)
      .build();

  private static final DataKey<PromptBlocks> BLOCKS = DataKey.of(TYPE + "/blocks", PromptBlocks.class);

  private final PrefixCacheParameters parameters;
  private final PrefixIndex index = new PrefixIndex();
  private final RecentPrompts recentPrompts = new RecentPrompts(RecentPrompts.DEFAULT_SLOTS);
  private final LearningQueue learning;
  private final Datastore datastore;
  private final MetricsRecorder metrics;
  private final ScheduledFuture<?> purge;
  private final ScheduledFuture<?> sizeReport;

  /** Creates the producer and schedules its purge and size report on the handle's scheduler. */
  public ApproxPrefixCacheProducer(String name, PrefixCacheParameters parameters, PluginHandle handle) {
    super(TYPE, name);
    this.parameters = parameters;
    this.datastore = handle.datastore();
    this.metrics = handle.metrics();
    this.learning = new LearningQueue(handle.scheduler());
    long purgeMillis = EndpointTable.PURGE_INTERVAL.toMillis();
    this.purge = handle.scheduler().scheduleWithFixedDelay(
        this::purgeDepartedEndpoints, purgeMillis, purgeMillis, TimeUnit.MILLISECONDS);
    long reportMillis = SIZE_REPORT_INTERVAL.toMillis();
    this.sizeReport = handle.scheduler().scheduleAtFixedRate(
        this::reportIndexSize, reportMillis, reportMillis, TimeUnit.MILLISECONDS);
  }

  private static ApproxPrefixCacheProducer create(String name, PrefixCacheParameters parameters,
      PluginHandle handle) {
    String instance = "plugin '" + name + "' (type: " + TYPE + "): ";
    if (parameters.blockSize() != null) {
      handle.warn(instance + "parameter 'blockSize' (characters) is deprecated; use 'blockSizeTokens: "
          + parameters.blockSizeTokens() + "'");
    }
    if (parameters.hashBlockSize() != null) {
      handle.warn(instance + "parameter 'hashBlockSize' (characters, v1.0) is deprecated; use"
          + " 'blockSizeTokens: " + parameters.blockSizeTokens() + "'");
    }
    return new ApproxPrefixCacheProducer(name, parameters, handle);
  }

  @Override
  public Set<DataKey<?>> produces() {
    return Set.of(PrefixCacheMatchInfo.KEY);
  }

  /** Returns the parameters in effect. */
  public PrefixCacheParameters parameters() {
    return parameters;
  }

  @Override
  public void prepareRequestData(InferenceRequest request, List<Endpoint> candidates) {
    if (!learning.isEmpty()) {
      learning.drain();
    }
    int blockTokens = blockSizeTokens(candidates);
    long[] hashes = PromptHasher.hash(request.targetModel(), request.body().cacheSalt().orElse(""),
        request.body().promptBytes(), blockTokens, parameters.maxBlocks(blockTokens), recentPrompts);
    int[] matches = new int[candidates.size()];
    if (hashes.length > 0) {
      index.match(hashes, candidates, matches);
    }
    PrefixCacheMatchInfo[] byMatch = new PrefixCacheMatchInfo[hashes.length + 1];
    for (int i = 0; i < matches.length; i++) {
      PrefixCacheMatchInfo info = byMatch[matches[i]];
      if (info == null) {
        info = new PrefixCacheMatchInfo(matches[i], hashes.length, blockTokens);
        byMatch[matches[i]] = info;
      }
      candidates.get(i).attributes().put(PrefixCacheMatchInfo.KEY, info);
    }
    request.state().put(BLOCKS, new PromptBlocks(hashes, blockTokens));
  }

  @Override
  public void preRequest(InferenceRequest request, SchedulingResult result) {
    PromptBlocks blocks = request.state().remove(BLOCKS).orElse(null);
    ProfileRunResult primary = result.primary();
    if (blocks == null || blocks.hashes().length == 0 || primary.targetEndpoints().isEmpty()) {
      return;
    }
    Endpoint target = primary.targetEndpoints().get(0);
    ProfileRunResult prefill = result.profileResults().get(PREFILL_PROFILE);
    Endpoint prefillTarget = prefill != null && !prefill.targetEndpoints().isEmpty()
        && !PREFILL_PROFILE.equals(result.primaryProfileName()) ? prefill.targetEndpoints().get(0) : null;
    Runnable update = () -> {
      learn(blocks.hashes(), target);
      if (prefillTarget != null) {
        learn(blocks.hashes(), prefillTarget);
      }
    };
    if (blocks.hashes().length >= BACKGROUND_LEARNING_BLOCKS) {
      learning.submit(update);
    } else {
      update.run();
    }
    int total = blocks.hashes().length;
    int matched = target.attributes().get(PrefixCacheMatchInfo.KEY)
        .map(PrefixCacheMatchInfo::matchBlocks).orElse(0);
    metrics.prefixIndexerHit((double) matched / total,
        (long) matched * blocks.blockSizeTokens() * PromptHasher.CHARACTERS_PER_TOKEN);
  }

  /** Stops the periodic purge and size report. */
  @Override
  public void close() {
    purge.cancel(false);
    sizeReport.cancel(false);
  }

  /** Forgets the endpoints that are no longer in the datastore. */
  public void purgeDepartedEndpoints() {
    index.retainOnly(datastore.endpoints());
  }

  /** Applies pending learning and reports the number of index entries to the metrics recorder. */
  void reportIndexSize() {
    learning.drain();
    metrics.prefixIndexerSize(index.entries());
  }

  /** Returns the index with every pending update applied (for tests in this package). */
  PrefixIndex index() {
    learning.drain();
    return index;
  }

  private void learn(long[] hashes, Endpoint endpoint) {
    int reported = endpoint.metrics().cacheNumBlocks();
    index.learn(hashes, endpoint.metadata(), parameters.autoTune() && reported > 0 ? reported : 0,
        parameters.lruCapacityPerServer());
  }

  private int blockSizeTokens(List<Endpoint> candidates) {
    if (parameters.autoTune() && !candidates.isEmpty()) {
      int reported = candidates.get(0).metrics().cacheBlockSize();
      if (reported > 0) {
        return reported;
      }
    }
    return parameters.blockSizeTokens();
  }

  private record PromptBlocks(long[] hashes, int blockSizeTokens) {}
}
