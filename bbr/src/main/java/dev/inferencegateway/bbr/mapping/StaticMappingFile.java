package dev.inferencegateway.bbr.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base-model mappings from a YAML file, for use without Kubernetes; the file is re-read when its
 * content changes (checked every {@code interval}, which also follows ConfigMap volume updates).
 *
 * <p>Format: a list of entries with the ConfigMap keys; {@code adapters} is a YAML list (or, as in a
 * ConfigMap, a string holding one):
 * <pre>
 * - baseModel: meta-llama/Llama-3.1-8B-Instruct
 *   adapters:
 *     - food-review-1
 * - baseModel: deepseek/vllm-deepseek-r1
 *   adapters: [ski-resorts, movie-critique]
 * </pre>
 * Earlier entries win conflicts. An empty file is invalid ({@code []} configures no mappings). An
 * invalid file stops startup; an invalid change is reported and ignored (the previous mappings
 * stay). A change is applied once two consecutive polls read the same content, so a file caught
 * in the middle of being rewritten is never applied.
 */
public final class StaticMappingFile implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StaticMappingFile.class);
  private static final Set<String> KEYS = Set.of(MappingFields.BASE_MODEL, MappingFields.ADAPTERS);

  private final Path file;
  private final BaseModelMappings store;
  private final MappingProblems problems;
  private byte[] loaded;
  private byte[] pending;
  private ScheduledFuture<?> poller;

  /** Creates the source for {@code file}. */
  public StaticMappingFile(Path file, BaseModelMappings store, MappingProblems problems) {
    this.file = Objects.requireNonNull(file, "file");
    this.store = Objects.requireNonNull(store, "store");
    this.problems = Objects.requireNonNull(problems, "problems");
  }

  /**
   * Loads the file and then checks it for changes every {@code interval} on {@code scheduler}.
   *
   * @throws IllegalArgumentException naming the file, the entry, the field and the reason
   */
  public synchronized void start(ScheduledExecutorService scheduler, Duration interval) {
    try {
      byte[] content = Files.readAllBytes(file);
      store.replace(owner(), parse(file, content));
      loaded = content;
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read base-model file " + file + ": " + e.getMessage(), e);
    } catch (InvalidMappingException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    LOG.info("loaded {} base-model mapping names from {}", store.snapshot().size(), file);
    long millis = Math.max(1, interval.toMillis());
    poller = scheduler.scheduleWithFixedDelay(this::reloadIfChanged, millis, millis, TimeUnit.MILLISECONDS);
  }

  /** Re-reads the file and applies it when its content changed. */
  public synchronized void reloadIfChanged() {
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (IOException e) {
      if (loaded != null) {
        problems.invalid("file", "cannot read base-model file " + file + ": " + e + " (keeping the previous mappings)");
        loaded = null;
      }
      return;
    }
    if (Arrays.equals(content, loaded)) {
      pending = null;
      return;
    }
    if (!Arrays.equals(content, pending)) {
      pending = content;
      return;
    }
    pending = null;
    loaded = content;
    try {
      store.replace(owner(), parse(file, content));
      LOG.info("reloaded base-model mappings from {}", file);
    } catch (InvalidMappingException e) {
      problems.invalid("file", e.getMessage() + " (keeping the previous mappings)");
    }
  }

  @Override
  public synchronized void close() {
    if (poller != null) {
      poller.cancel(false);
    }
  }

  /**
   * Parses a mapping file.
   *
   * @throws InvalidMappingException naming the file, the entry, the field and the reason
   */
  public static List<MappingSet> parse(Path file, byte[] content) throws InvalidMappingException {
    String where = "base-model file " + file;
    JsonNode root;
    try {
      root = MappingFields.YAML.readTree(content);
    } catch (JsonProcessingException e) {
      throw new InvalidMappingException(where + ": invalid YAML at line " + e.getLocation().getLineNr()
          + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage().replace('\n', ' '));
    } catch (IOException e) {
      throw new InvalidMappingException(where + ": " + e.getMessage());
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      throw new InvalidMappingException(where + ": the file is empty (write [] to configure no mappings)");
    }
    if (!root.isArray()) {
      throw new InvalidMappingException(where + ": expected a list of entries with '" + MappingFields.BASE_MODEL
          + "' and '" + MappingFields.ADAPTERS + "'");
    }
    List<MappingSet> sets = new ArrayList<>();
    for (int i = 0; i < root.size(); i++) {
      sets.add(entry(root.get(i), where + ": entry " + (i + 1), i));
    }
    return sets;
  }

  private static MappingSet entry(JsonNode node, String where, int position) throws InvalidMappingException {
    if (!node.isObject()) {
      throw new InvalidMappingException(where + ": expected a mapping with '" + MappingFields.BASE_MODEL + "'");
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!KEYS.contains(name)) {
        throw new InvalidMappingException(where + ": unknown key '" + name + "' (known: "
            + MappingFields.ADAPTERS + ", " + MappingFields.BASE_MODEL + ")");
      }
    }
    JsonNode base = node.get(MappingFields.BASE_MODEL);
    if (base != null && !base.isNull() && !base.isValueNode()) {
      throw new InvalidMappingException(where + ": '" + MappingFields.BASE_MODEL + "' must be a model name");
    }
    String baseModel = MappingFields.baseModel(base == null || base.isNull() ? null : base.asText(), where);
    return new MappingSet(where, Instant.EPOCH, position, baseModel,
        MappingFields.adapters(node.get(MappingFields.ADAPTERS), where));
  }

  private String owner() {
    return "base-model file " + file;
  }
}
