package dev.inferencegateway.epp.datastore.plugins.metricsextractor;

import dev.inferencegateway.epp.core.endpoint.ModelServerMetrics;
import dev.inferencegateway.epp.datastore.collector.Extraction;
import dev.inferencegateway.epp.datastore.plugins.metricsextractor.SampleSelector.MissingMetricException;
import dev.inferencegateway.epp.datastore.prometheus.MetricFamilies;
import dev.inferencegateway.epp.datastore.prometheus.Sample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The parsed specs of one engine and the extraction of {@link ModelServerMetrics} from an
 * exposition: every enabled metric is read independently, so one missing metric does not keep the
 * others from updating (partial update, stamped with the extraction time).
 */
final class EngineMapping {
  private enum Combine { SUM, MEAN, FIRST }

  private final String engine;
  private final Optional<MetricSpec> queue;
  private final Optional<MetricSpec> running;
  private final Optional<MetricSpec> kv;
  private final Optional<MetricSpec> kvFallback;
  private final Optional<MetricSpec> lora;
  private final Optional<MetricSpec> cacheInfo;
  private final Optional<MetricSpec> blockSize;
  private final Optional<MetricSpec> numBlocks;
  private final String blockSizeLabel;
  private final String numBlocksLabel;

  private EngineMapping(EngineConfig c, Optional<String> kvFallbackSpec) {
    engine = c.name();
    queue = MetricSpec.parse(c.queuedRequestsSpec());
    running = MetricSpec.parse(c.runningRequestsSpec());
    kv = MetricSpec.parse(c.kvUsageSpec());
    kvFallback = kvFallbackSpec.flatMap(MetricSpec::parse);
    lora = MetricSpec.parse(c.loraSpec());
    cacheInfo = MetricSpec.parse(c.cacheInfoSpec());
    blockSize = MetricSpec.parse(c.cacheBlockSizeSpec());
    numBlocks = MetricSpec.parse(c.cacheNumBlocksSpec());
    blockSizeLabel = c.cacheBlockSizeLabelName().isEmpty() ? "block_size" : c.cacheBlockSizeLabelName();
    numBlocksLabel = c.cacheNumBlocksLabelName().isEmpty() ? "num_gpu_blocks" : c.cacheNumBlocksLabelName();
  }

  static EngineMapping of(EngineConfig config) {
    return new EngineMapping(config, BuiltInEngines.kvFallback(config));
  }

  String engine() {
    return engine;
  }

  Set<String> families() {
    Set<String> names = new LinkedHashSet<>();
    for (Optional<MetricSpec> spec : List.of(queue, running, kv, kvFallback, lora, cacheInfo, blockSize, numBlocks)) {
      spec.ifPresent(s -> names.add(s.name()));
    }
    return names;
  }

  Extraction extract(MetricFamilies families, ModelServerMetrics current, Instant now) {
    List<String> errors = new ArrayList<>(0);
    ModelServerMetrics.Builder out = current.toBuilder();
    boolean updated = false;
    OptionalDouble v = number(families, queue, "queuedRequestsSpec", Combine.SUM, errors);
    if (v.isPresent()) {
      out.waitingQueueSize((int) v.getAsDouble());
      updated = true;
    }
    v = number(families, running, "runningRequestsSpec", Combine.SUM, errors);
    if (v.isPresent()) {
      out.runningRequests((int) v.getAsDouble());
      updated = true;
    }
    v = kvUsage(families, errors);
    if (v.isPresent()) {
      out.kvCacheUsage(v.getAsDouble());
      updated = true;
    }
    updated |= readLora(families, out, errors);
    updated |= readCacheInfo(families, out, errors);
    v = number(families, blockSize, "cacheBlockSizeSpec", Combine.FIRST, errors);
    if (v.isPresent()) {
      out.cacheBlockSize((int) v.getAsDouble());
      updated = true;
    }
    v = number(families, numBlocks, "cacheNumBlocksSpec", Combine.SUM, errors);
    if (v.isPresent()) {
      out.cacheNumBlocks((int) v.getAsDouble());
      updated = true;
    }
    if (!updated) {
      return new Extraction(current, false, errors);
    }
    ModelServerMetrics partial = out.updateTime(now).build();
    if (partial.cacheBlockSize() > 0 && partial.cacheNumBlocks() > 0) {
      partial = partial.toBuilder()
          .kvCacheMaxTokenCapacity((long) partial.cacheBlockSize() * partial.cacheNumBlocks()).build();
    }
    return new Extraction(partial, true, errors);
  }

  private OptionalDouble kvUsage(MetricFamilies families, List<String> errors) {
    if (kv.isPresent() && kvFallback.isPresent() && families.get(kv.get().name()).isEmpty()
        && families.get(kvFallback.get().name()).isPresent()) {
      return number(families, kvFallback, "kvUsageSpec", Combine.MEAN, errors);
    }
    return number(families, kv, "kvUsageSpec", Combine.MEAN, errors);
  }

  private boolean readLora(MetricFamilies families, ModelServerMetrics.Builder out, List<String> errors) {
    if (lora.isEmpty()) {
      return false;
    }
    Optional<Sample> latest = SampleSelector.largestValue(families, lora.get());
    if (latest.isEmpty()) {
      return false;
    }
    var labels = latest.get().labels();
    out.activeModels(adapters(labels.valueOrNull("running_lora_adapters")));
    out.waitingModels(adapters(labels.valueOrNull("waiting_lora_adapters")));
    String max = labels.valueOrNull("max_lora");
    if (max != null && !max.isEmpty()) {
      Integer parsed = parseInt(max);
      if (parsed == null) {
        errors.add("loraSpec " + lora.get() + ": label max_lora is not an integer: \"" + max + "\"");
      } else {
        out.maxActiveModels(parsed);
      }
    }
    return true;
  }

  private boolean readCacheInfo(MetricFamilies families, ModelServerMetrics.Builder out, List<String> errors) {
    if (cacheInfo.isEmpty()) {
      return false;
    }
    List<Sample> perEngine;
    try {
      perEngine = SampleSelector.newestPerEngine(families, cacheInfo.get());
    } catch (MissingMetricException e) {
      errors.add("cacheInfoSpec " + cacheInfo.get() + ": " + e.getMessage());
      return false;
    }
    Integer size = intLabel(perEngine.get(0), blockSizeLabel, errors);
    if (size != null) {
      out.cacheBlockSize(size);
    }
    long blocks = 0;
    boolean allBlocks = true;
    for (Sample sample : perEngine) {
      Integer count = intLabel(sample, numBlocksLabel, errors);
      allBlocks &= count != null;
      blocks += count == null ? 0 : count;
    }
    if (allBlocks) {
      out.cacheNumBlocks((int) Math.min(Integer.MAX_VALUE, blocks));
    }
    return true;
  }

  private Integer intLabel(Sample sample, String label, List<String> errors) {
    String value = sample.labels().valueOrNull(label);
    Integer parsed = value == null ? null : parseInt(value);
    if (parsed == null) {
      errors.add("cacheInfoSpec " + cacheInfo.orElseThrow() + ": label " + label
          + (value == null ? " is missing" : " is not an integer: \"" + value + "\""));
    }
    return parsed;
  }

  private static OptionalDouble number(MetricFamilies families, Optional<MetricSpec> spec, String field,
      Combine combine, List<String> errors) {
    if (spec.isEmpty()) {
      return OptionalDouble.empty();
    }
    try {
      List<Sample> samples = SampleSelector.newestPerEngine(families, spec.get());
      double value = combine == Combine.FIRST ? samples.get(0).value() : 0;
      if (combine != Combine.FIRST) {
        for (Sample sample : samples) {
          value += sample.value();
        }
        if (combine == Combine.MEAN) {
          value /= samples.size();
        }
      }
      if (!Double.isFinite(value)) {
        errors.add(field + " " + spec.get() + ": value " + value + " is not a finite number");
        return OptionalDouble.empty();
      }
      return OptionalDouble.of(value);
    } catch (MissingMetricException e) {
      errors.add(field + " " + spec.get() + ": " + e.getMessage());
      return OptionalDouble.empty();
    }
  }

  private static Set<String> adapters(String csv) {
    Set<String> out = new LinkedHashSet<>();
    if (csv != null) {
      for (String name : csv.split(",")) {
        String trimmed = name.trim();
        if (!trimmed.isEmpty()) {
          out.add(trimmed);
        }
      }
    }
    return out;
  }

  private static Integer parseInt(String value) {
    try {
      return Integer.valueOf(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
