package dev.inferencegateway.epp.datastore.plugins.metricssource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.inferencegateway.epp.core.plugin.PluginParameterException;
import dev.inferencegateway.epp.core.plugin.PluginParameters;
import dev.inferencegateway.epp.core.plugin.TypedName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetricsDataSourceParametersTest {
  private static final TypedName NAME = TypedName.of(MetricsDataSource.TYPE);
  private static final ScrapeSettings FLAG_DEFAULTS = new ScrapeSettings("https", "/custom", false);

  private static MetricsDataSourceParameters parse(String json) throws Exception {
    return PluginParameters.parse(NAME, PluginParameters.mapper().readTree(json), MetricsDataSourceParameters.class);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      no parameters, upstream defaults | `{}`                                   | http  | /metrics | true  | true
      no parameters, flag defaults     | `{}`                                   | https | /custom  | false | false
      explicit parameters win          | `{"scheme":"http","path":"/m","insecureSkipVerify":true}` | http | /m | true | false
      """)
  void resolve_takesAbsentFieldsFromTheDefaults(String name, String json, String scheme, String path,
      boolean insecure, boolean upstreamDefaults) throws Exception {
    ScrapeSettings settings = parse(json).resolve(upstreamDefaults ? ScrapeSettings.DEFAULTS : FLAG_DEFAULTS);

    assertThat(settings).isEqualTo(new ScrapeSettings(scheme, path, insecure));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      bad scheme    | `{"scheme":"ftp"}`              | scheme             | must be http or https, got "ftp"
      relative path | `{"path":"metrics"}`            | path               | must start with /, got "metrics"
      unknown key   | `{"port":9090}`                 | port               | unknown parameter (known: insecureSkipVerify, path, scheme)
      wrong type    | `{"insecureSkipVerify":"yes"}`  | insecureSkipVerify | wrong type: Cannot coerce String value ("yes")
      """)
  void parse_invalid_namesTheField(String name, String json, String field, String reason) {
    assertThatThrownBy(() -> parse(json))
        .isInstanceOfSatisfying(PluginParameterException.class, e -> assertThat(e.field()).isEqualTo(field))
        .hasMessageStartingWith("plugin 'metrics-data-source' (type: metrics-data-source): parameter '" + field + "': " + reason);
  }
}
