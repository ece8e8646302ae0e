package dev.inferencegateway.epp.core.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Strict parsing of plugin parameters into records: defaults, ranges, types and error texts. */
class PluginParametersTest {
  private static final TypedName PLUGIN = new TypedName("utilization-detector", "sd");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Parameters in the shape of upstream's utilization detector. */
  record DetectorParams(Integer queueDepthThreshold, Double kvCacheUtilThreshold,
      Duration metricsStalenessThreshold, Double headroom) {
    DetectorParams {
      queueDepthThreshold = queueDepthThreshold == null ? 5 : queueDepthThreshold;
      kvCacheUtilThreshold = kvCacheUtilThreshold == null ? 0.8 : kvCacheUtilThreshold;
      metricsStalenessThreshold = metricsStalenessThreshold == null ? Duration.ofMillis(200) : metricsStalenessThreshold;
      headroom = headroom == null ? 0.0 : headroom;
      if (queueDepthThreshold <= 0) {
        throw new IllegalArgumentException("'queueDepthThreshold' must be > 0, got " + queueDepthThreshold);
      }
      if (kvCacheUtilThreshold <= 0 || kvCacheUtilThreshold > 1) {
        throw new IllegalArgumentException("'kvCacheUtilThreshold' must be in (0, 1], got " + kvCacheUtilThreshold);
      }
    }
  }

  /** Parameters with a nested list, as the request-attribute reporter's. */
  record Nested(List<Attribute> attributes) {
    record Attribute(String name, Integer size) {}
  }

  @Test
  void parse_absentOrNullParametersGiveTheDefaults() {
    DetectorParams expected = new DetectorParams(5, 0.8, Duration.ofMillis(200), 0.0);

    assertThat(PluginParameters.parse(PLUGIN, null, DetectorParams.class)).isEqualTo(expected);
    assertThat(PluginParameters.parse(PLUGIN, json("null"), DetectorParams.class)).isEqualTo(expected);
    assertThat(PluginParameters.parse(PLUGIN, json("{}"), DetectorParams.class)).isEqualTo(expected);
  }

  @Test
  void parse_readsValuesAndGoDurations() {
    assertThat(PluginParameters.parse(PLUGIN,
        json("{\"queueDepthThreshold\": 8, \"metricsStalenessThreshold\": \"1m30s\", \"headroom\": 0.2}"),
        DetectorParams.class))
        .isEqualTo(new DetectorParams(8, 0.8, Duration.ofSeconds(90), 0.2));
  }

  @Test
  void parse_unknownKeyNamesPluginFieldAndKnownKeys() {
    assertThatThrownBy(() -> PluginParameters.parse(PLUGIN, json("{\"queueDepth\": 8}"), DetectorParams.class))
        .isInstanceOfSatisfying(PluginParameterException.class, e -> {
          assertThat(e.plugin()).isEqualTo(PLUGIN);
          assertThat(e.field()).isEqualTo("queueDepth");
        })
        .hasMessage("plugin 'sd' (type: utilization-detector): parameter 'queueDepth': unknown parameter"
            + " (known: headroom, kvCacheUtilThreshold, metricsStalenessThreshold, queueDepthThreshold)");
  }

  @Test
  void parse_anyKeyIsUnknownForATypeWithoutParameters() {
    assertThatThrownBy(() -> PluginParameters.parse(TypedName.of("queue-scorer"), json("{\"x\": 1}"),
        NoParameters.class))
        .hasMessage("plugin 'queue-scorer' (type: queue-scorer): parameter 'x': unknown parameter"
            + " (this plugin takes no parameters)");
  }

  @Test
  void parse_outOfRangeValueNamesTheField() {
    assertThatThrownBy(() -> PluginParameters.parse(PLUGIN, json("{\"kvCacheUtilThreshold\": 1.2}"),
        DetectorParams.class))
        .isInstanceOfSatisfying(PluginParameterException.class,
            e -> assertThat(e.field()).isEqualTo("kvCacheUtilThreshold"))
        .hasMessage("plugin 'sd' (type: utilization-detector): parameter 'kvCacheUtilThreshold':"
            + " must be in (0, 1], got 1.2");
  }

  @Test
  void parse_refusesCoercions() {
    assertThatThrownBy(() -> PluginParameters.parse(PLUGIN, json("{\"queueDepthThreshold\": \"8\"}"),
        DetectorParams.class))
        .hasMessageStartingWith("plugin 'sd' (type: utilization-detector): parameter 'queueDepthThreshold':");
    assertThatThrownBy(() -> PluginParameters.parse(PLUGIN, json("{\"queueDepthThreshold\": 8.5}"),
        DetectorParams.class))
        .hasMessageStartingWith("plugin 'sd' (type: utilization-detector): parameter 'queueDepthThreshold':");
  }

  @Test
  void parse_invalidDurationNamesFieldAndValue() {
    assertThatThrownBy(() -> PluginParameters.parse(PLUGIN, json("{\"metricsStalenessThreshold\": \"5x\"}"),
        DetectorParams.class))
        .hasMessage("plugin 'sd' (type: utilization-detector): parameter 'metricsStalenessThreshold':"
            + " invalid value '5x' (expected Duration)");
    assertThatThrownBy(() -> PluginParameters.parse(PLUGIN, json("{\"metricsStalenessThreshold\": 200}"),
        DetectorParams.class))
        .hasMessageStartingWith("plugin 'sd' (type: utilization-detector): parameter 'metricsStalenessThreshold':"
            + " wrong type:");
  }

  @Test
  void parse_parametersMustBeAnObject() {
    assertThatThrownBy(() -> PluginParameters.parse(PLUGIN, json("[1, 2]"), DetectorParams.class))
        .isInstanceOfSatisfying(PluginParameterException.class, e -> assertThat(e.field()).isEmpty())
        .hasMessage("plugin 'sd' (type: utilization-detector): parameters must be an object, got ARRAY");
  }

  @Test
  void parse_nestedErrorsCarryTheirPath() {
    TypedName reporter = TypedName.of("request-attribute-reporter");

    assertThat(PluginParameters.parse(reporter, json("{\"attributes\": [{\"name\": \"a\", \"size\": 2}]}"),
        Nested.class)).isEqualTo(new Nested(List.of(new Nested.Attribute("a", 2))));
    assertThatThrownBy(() -> PluginParameters.parse(reporter,
        json("{\"attributes\": [{\"name\": \"a\"}, {\"nme\": \"b\"}]}"), Nested.class))
        .isInstanceOfSatisfying(PluginParameterException.class,
            e -> assertThat(e.field()).isEqualTo("attributes[1].nme"))
        .hasMessage("plugin 'request-attribute-reporter' (type: request-attribute-reporter): parameter"
            + " 'attributes[1].nme': unknown parameter (known: name, size)");
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
