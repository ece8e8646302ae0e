package dev.inferencegateway.epp.core.config;

import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Options of the {@link ConfigLoader} that come from outside the configuration document.
 *
 * @param allowExperimentalPlugins whether alpha plugin types may be loaded
 *     ({@code --allow-experimental-plugins})
 * @param environment looks up an environment variable; returns null when unset
 */
public record LoaderOptions(boolean allowExperimentalPlugins, UnaryOperator<String> environment) {
  /** The deprecated environment variable that, when {@code true}, enables the {@code flowControl} gate. */
  public static final String FLOW_CONTROL_ENV = "ENABLE_EXPERIMENTAL_FLOW_CONTROL_LAYER";

  public LoaderOptions {
    Objects.requireNonNull(environment, "environment");
  }

  /** Returns the production options: alpha plugins refused, the process environment. */
  public static LoaderOptions defaults() {
    return new LoaderOptions(false, System::getenv);
  }

  /** Returns a copy that allows or refuses alpha plugin types. */
  public LoaderOptions withAllowExperimentalPlugins(boolean allow) {
    return new LoaderOptions(allow, environment);
  }

  /** Returns a copy that reads environment variables from {@code variables} only. */
  public LoaderOptions withEnvironment(Map<String, String> variables) {
    Map<String, String> copy = Map.copyOf(variables);
    return new LoaderOptions(allowExperimentalPlugins, copy::get);
  }
}
