package dev.inferencegateway.epp.core.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.inferencegateway.epp.core.config.EndpointPickerConfig.DataLayer;
import dev.inferencegateway.epp.core.config.EndpointPickerConfig.DataLayerSource;
import dev.inferencegateway.epp.core.config.EndpointPickerConfig.FlowControl;
import dev.inferencegateway.epp.core.config.EndpointPickerConfig.PluginRef;
import dev.inferencegateway.epp.core.config.EndpointPickerConfig.PluginSpec;
import dev.inferencegateway.epp.core.config.EndpointPickerConfig.PriorityBand;
import dev.inferencegateway.epp.core.config.EndpointPickerConfig.ProfilePlugin;
import dev.inferencegateway.epp.core.config.EndpointPickerConfig.SchedulingProfile;
import java.util.List;
import java.util.function.Consumer;

/**
 * Strictly decodes a {@link LocatedDocument} into an {@link EndpointPickerConfig}: unknown keys,
 * wrong types, an unsupported {@code apiVersion} or {@code kind} are errors; the deprecated
 * {@code data} key is read as {@code dataLayer} with a warning.
 */
final class ConfigDecoder {
  private static final List<String> ROOT_KEYS = List.of("apiVersion", "kind", "featureGates",
      "plugins", "schedulingProfiles", "saturationDetector", "dataLayer", "data", "flowControl",
      "parser");
  private static final List<String> PLUGIN_KEYS = List.of("name", "type", "parameters");
  private static final List<String> PROFILE_KEYS = List.of("name", "plugins");
  private static final List<String> PROFILE_PLUGIN_KEYS = List.of("pluginRef", "weight");
  private static final List<String> REF_KEYS = List.of("pluginRef");
  private static final List<String> DATA_LAYER_KEYS = List.of("sources");
  private static final List<String> SOURCE_KEYS = List.of("pluginRef", "extractors");
  private static final List<String> FLOW_CONTROL_KEYS = List.of("maxBytes", "maxRequests",
      "defaultRequestTTL", "defaultPriorityBand", "priorityBands", "usageLimitPolicyPluginRef");
  private static final List<String> BAND_KEYS = List.of("priority", "maxBytes", "maxRequests",
      "fairnessPolicyRef", "orderingPolicyRef");

  private final ConfigErrors errors;
  private final Consumer<String> warnings;

  ConfigDecoder(ConfigErrors errors, Consumer<String> warnings) {
    this.errors = errors;
    this.warnings = warnings;
  }

  /** Decodes the document root. */
  EndpointPickerConfig decode(JsonNode root) {
    StrictObject o = StrictObject.of(errors, root, "", ROOT_KEYS);
    String apiVersion = o.string("apiVersion");
    if (apiVersion == null) {
      throw errors.at("", ConfigErrors.DECODE + "apiVersion is missing (expected '"
          + EndpointPickerConfig.API_VERSION + "' or '" + EndpointPickerConfig.LLMD_API_VERSION + "')");
    }
    if (!apiVersion.equals(EndpointPickerConfig.API_VERSION)
        && !apiVersion.equals(EndpointPickerConfig.LLMD_API_VERSION)) {
      throw errors.at("apiVersion", ConfigErrors.DECODE + "unsupported apiVersion '" + apiVersion
          + "' (expected '" + EndpointPickerConfig.API_VERSION + "' or '"
          + EndpointPickerConfig.LLMD_API_VERSION + "')");
    }
    String kind = o.string("kind");
    if (kind == null) {
      throw errors.at("", ConfigErrors.DECODE + "kind is missing (expected '"
          + EndpointPickerConfig.KIND + "')");
    }
    if (!kind.equals(EndpointPickerConfig.KIND)) {
      throw errors.at("kind", ConfigErrors.DECODE + "no kind '" + kind + "' is registered for version '"
          + apiVersion + "' (expected '" + EndpointPickerConfig.KIND + "')");
    }
    return new EndpointPickerConfig(apiVersion, kind,
        o.strings("featureGates"),
        o.list("plugins", this::plugin),
        o.list("schedulingProfiles", this::profile),
        ref(o.object("saturationDetector", REF_KEYS)),
        dataLayer(o),
        flowControl(o.object("flowControl", FLOW_CONTROL_KEYS)),
        ref(o.object("parser", REF_KEYS)));
  }

  private PluginSpec plugin(JsonNode node, String path) {
    StrictObject o = StrictObject.of(errors, node, path, PLUGIN_KEYS);
    return new PluginSpec(o.string("name"), o.string("type"), o.raw("parameters"));
  }

  private SchedulingProfile profile(JsonNode node, String path) {
    StrictObject o = StrictObject.of(errors, node, path, PROFILE_KEYS);
    return new SchedulingProfile(o.string("name"), o.list("plugins", (item, itemPath) -> {
      StrictObject p = StrictObject.of(errors, item, itemPath, PROFILE_PLUGIN_KEYS);
      return new ProfilePlugin(p.string("pluginRef"), p.number("weight"));
    }));
  }

  private static PluginRef ref(StrictObject o) {
    return o == null ? null : new PluginRef(o.string("pluginRef"));
  }

  private DataLayer dataLayer(StrictObject root) {
    boolean legacy = root.has("data");
    if (legacy && root.has("dataLayer")) {
      throw errors.at("data", ConfigErrors.DECODE + "both 'dataLayer' and its deprecated alias 'data'"
          + " are set; keep only 'dataLayer'");
    }
    String key = legacy ? "data" : "dataLayer";
    StrictObject o = root.object(key, DATA_LAYER_KEYS);
    if (o == null) {
      return null;
    }
    if (legacy) {
      warnings.accept(errors.located("data", "DEPRECATION: the top-level key 'data' is deprecated;"
          + " rename it to 'dataLayer' (it was read as 'dataLayer')"));
    }
    return new DataLayer(o.list("sources", (item, itemPath) -> {
      StrictObject s = StrictObject.of(errors, item, itemPath, SOURCE_KEYS);
      return new DataLayerSource(s.string("pluginRef"),
          s.list("extractors", (e, ePath) -> ref(StrictObject.of(errors, e, ePath, REF_KEYS))));
    }));
  }

  private FlowControl flowControl(StrictObject o) {
    if (o == null) {
      return null;
    }
    StrictObject defaultBand = o.object("defaultPriorityBand", BAND_KEYS);
    return new FlowControl(o.quantity("maxBytes"), o.integer("maxRequests", 0, Long.MAX_VALUE),
        o.duration("defaultRequestTTL"), defaultBand == null ? null : band(defaultBand),
        o.list("priorityBands", (item, itemPath) -> {
          StrictObject b = StrictObject.of(errors, item, itemPath, BAND_KEYS);
          if (!b.has("priority")) {
            throw errors.at(itemPath, ConfigErrors.DECODE + "field \"" + itemPath
                + ".priority\" is required");
          }
          return band(b);
        }),
        o.string("usageLimitPolicyPluginRef"));
  }

  private static PriorityBand band(StrictObject b) {
    Long priority = b.integer("priority", Integer.MIN_VALUE, Integer.MAX_VALUE);
    return new PriorityBand(priority == null ? null : priority.intValue(), b.quantity("maxBytes"),
        b.integer("maxRequests", 0, Long.MAX_VALUE), b.string("fairnessPolicyRef"),
        b.string("orderingPolicyRef"));
  }
}
