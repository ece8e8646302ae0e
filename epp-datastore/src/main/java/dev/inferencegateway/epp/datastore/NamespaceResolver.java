package dev.inferencegateway.epp.datastore;

import java.util.function.UnaryOperator;

/** Resolves the pool namespace as upstream does: the flag, else env {@code NAMESPACE}, else {@code default}. */
public final class NamespaceResolver {
  private NamespaceResolver() {}

  /**
   * Returns the namespace to use.
   *
   * @param flag the {@code --pool-namespace} value, null or blank when unset
   * @param env reads an environment variable (null when unset), e.g. {@code System::getenv}
   */
  public static String resolve(String flag, UnaryOperator<String> env) {
    if (flag != null && !flag.isBlank()) {
      return flag.trim();
    }
    String fromEnv = env.apply("NAMESPACE");
    return fromEnv != null && !fromEnv.isBlank() ? fromEnv.trim() : "default";
  }
}
