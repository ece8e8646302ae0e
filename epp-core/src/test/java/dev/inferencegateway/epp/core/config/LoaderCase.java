package dev.inferencegateway.epp.core.config;

import dev.inferencegateway.epp.core.plugin.PluginRegistry;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.params.provider.Arguments;

/**
 * One named case of the loader table: a configuration text (or the built-in default), the
 * registry and options to load it with, and either the exact expected error message or a check of
 * the loaded configuration.
 *
 * @param name the case name shown by JUnit
 * @param text the configuration text, or null for the built-in default
 * @param registry the registry to load with
 * @param options the loader options
 * @param error the exact expected {@link ConfigException} message, or null for a success case
 * @param check the assertions on a successful load, or null for an error case
 */
record LoaderCase(String name, String text, PluginRegistry registry, LoaderOptions options,
    String error, Consumer<LoadedConfig> check) {

  /** The first two lines of every configuration built by {@link #fails} and {@link #loads}. */
  static final String HEADER = "apiVersion: inference.networking.x-k8s.io/v1alpha1\nkind: EndpointPickerConfig\n";

  /** A case whose text is {@link #HEADER} followed by {@code body} (so {@code body} starts at line 3) and must fail. */
  static LoaderCase fails(String name, String body, String error) {
    return failsRaw(name, HEADER + body, error);
  }

  /** A case whose complete text must fail with exactly {@code error}. */
  static LoaderCase failsRaw(String name, String text, String error) {
    return new LoaderCase(name, text, TestRegistry.registry(), testOptions(), error, null);
  }

  /** A case whose text is {@link #HEADER} followed by {@code body} and must load. */
  static LoaderCase loads(String name, String body, Consumer<LoadedConfig> check) {
    return loadsRaw(name, HEADER + body, check);
  }

  /** A case whose complete text must load. */
  static LoaderCase loadsRaw(String name, String text, Consumer<LoadedConfig> check) {
    return new LoaderCase(name, text, TestRegistry.registry(), testOptions(), null, check);
  }

  /** Returns this case with other options. */
  LoaderCase with(LoaderOptions value) {
    return new LoaderCase(name, text, registry, value, error, check);
  }

  /** Returns this case with another registry. */
  LoaderCase with(PluginRegistry value) {
    return new LoaderCase(name, text, value, options, error, check);
  }

  /** Returns the source of this case. */
  ConfigSource source() {
    return text == null ? ConfigSource.builtInDefault() : ConfigSource.text(text);
  }

  /** Returns the JUnit arguments (name, case). */
  Arguments arguments() {
    return Arguments.of(name, this);
  }

  /** Options with alpha plugins refused and an empty environment. */
  static LoaderOptions testOptions() {
    return LoaderOptions.defaults().withEnvironment(Map.of());
  }

  @Override
  public String toString() {
    return name;
  }
}
