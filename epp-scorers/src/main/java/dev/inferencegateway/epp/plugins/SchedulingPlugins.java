package dev.inferencegateway.epp.plugins;

import dev.inferencegateway.epp.core.plugin.PluginBundle;
import dev.inferencegateway.epp.core.plugin.PluginDescriptor;
import dev.inferencegateway.epp.plugins.filter.bylabel.ByLabelFilter;
import dev.inferencegateway.epp.plugins.filter.concurrency.ConcurrencyDetector;
import dev.inferencegateway.epp.plugins.filter.headertesting.HeaderBasedTestingFilter;
import dev.inferencegateway.epp.plugins.filter.prefixaffinity.PrefixCacheAffinityFilter;
import dev.inferencegateway.epp.plugins.filter.utilization.UtilizationDetector;
import dev.inferencegateway.epp.plugins.picker.maxscore.MaxScorePicker;
import dev.inferencegateway.epp.plugins.picker.random.RandomPicker;
import dev.inferencegateway.epp.plugins.picker.weightedrandom.WeightedRandomPicker;
import dev.inferencegateway.epp.plugins.producer.inflightload.InFlightLoadProducer;
import dev.inferencegateway.epp.plugins.producer.prefix.ApproxPrefixCacheProducer;
import dev.inferencegateway.epp.plugins.profile.single.SingleProfileHandler;
import dev.inferencegateway.epp.plugins.scorer.kvcache.KvCacheUtilizationScorer;
import dev.inferencegateway.epp.plugins.scorer.loadaware.LoadAwareScorer;
import dev.inferencegateway.epp.plugins.scorer.lora.LoraAffinityScorer;
import dev.inferencegateway.epp.plugins.scorer.prefix.PrefixCacheScorer;
import dev.inferencegateway.epp.plugins.scorer.queue.QueueScorer;
import dev.inferencegateway.epp.plugins.scorer.runningrequests.RunningRequestsSizeScorer;
import dev.inferencegateway.epp.plugins.scorer.sessionaffinity.SessionAffinityScorer;
import dev.inferencegateway.epp.plugins.scorer.tokenload.TokenLoadScorer;
import java.util.List;

/**
 * The bundle of built-in scheduling plugins: every filter, scorer, picker, profile handler and
 * data producer of this module, registered under its upstream type name.
 */
public final class SchedulingPlugins implements PluginBundle {
  private static final List<PluginDescriptor<?>> DESCRIPTORS = List.of(
      QueueScorer.DESCRIPTOR,
      KvCacheUtilizationScorer.DESCRIPTOR,
      RunningRequestsSizeScorer.DESCRIPTOR,
      LoraAffinityScorer.DESCRIPTOR,
      PrefixCacheScorer.DESCRIPTOR,
      TokenLoadScorer.DESCRIPTOR,
      LoadAwareScorer.DESCRIPTOR,
      SessionAffinityScorer.DESCRIPTOR,
      ApproxPrefixCacheProducer.DESCRIPTOR,
      InFlightLoadProducer.DESCRIPTOR,
      UtilizationDetector.DESCRIPTOR,
      ConcurrencyDetector.DESCRIPTOR,
      PrefixCacheAffinityFilter.DESCRIPTOR,
      HeaderBasedTestingFilter.DESCRIPTOR,
      ByLabelFilter.DESCRIPTOR,
      MaxScorePicker.DESCRIPTOR,
      RandomPicker.DESCRIPTOR,
      WeightedRandomPicker.DESCRIPTOR,
      SingleProfileHandler.DESCRIPTOR);

  @Override
  public List<PluginDescriptor<?>> descriptors() {
    return DESCRIPTORS;
  }
}
