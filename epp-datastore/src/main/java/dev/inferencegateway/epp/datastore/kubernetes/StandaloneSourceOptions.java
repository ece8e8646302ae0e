package dev.inferencegateway.epp.datastore.kubernetes;

import dev.inferencegateway.epp.datastore.NamespaceResolver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Settings of the {@link StandaloneSource} (pods by label, no InferencePool), from
 * {@code --endpoint-selector} and {@code --endpoint-target-ports}.
 *
 * @param poolName the name reported for the pool: the EPP Deployment's name, derived from env
 *     {@code POD_NAME} by dropping the ReplicaSet and pod suffixes
 * @param namespace the resolved namespace
 * @param selector the label selector
 * @param targetPorts the model-server ports, 1 to 8, without duplicates
 * @param modelServerMetricsPort the deprecated {@code --model-server-metrics-port}; 0 when unset
 */
public record StandaloneSourceOptions(String poolName, String namespace, Map<String, String> selector,
    List<Integer> targetPorts, int modelServerMetricsPort) {
  private static final Pattern DEPLOYMENT_POD = Pattern.compile("^(.+)-[a-z0-9]+-[a-z0-9]+$");

  public StandaloneSourceOptions {
    if (poolName == null || poolName.isBlank()) {
      throw new IllegalArgumentException("standalone mode needs a pool name");
    }
    if (namespace == null || namespace.isBlank()) {
      throw new IllegalArgumentException("--pool-namespace must not be empty");
    }
    selector = Map.copyOf(selector);
    if (selector.isEmpty()) {
      throw new IllegalArgumentException("--endpoint-selector must name at least one label");
    }
    targetPorts = List.copyOf(new LinkedHashSet<>(targetPorts));
    if (targetPorts.isEmpty() || targetPorts.size() > 8) {
      throw new IllegalArgumentException("--endpoint-target-ports needs 1 to 8 ports, got " + targetPorts.size());
    }
    for (int port : targetPorts) {
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("--endpoint-target-ports: " + port + " is not a port number");
      }
    }
    KubernetesSourceOptions.checkMetricsPort(modelServerMetricsPort);
  }

  /**
   * Builds the options from flag values and the environment ({@code POD_NAME}, {@code NAMESPACE}).
   *
   * @throws IllegalArgumentException naming the flag or variable that is wrong
   */
  public static StandaloneSourceOptions fromFlags(String endpointSelector, List<Integer> endpointTargetPorts,
      String poolNamespaceFlag, int modelServerMetricsPort, UnaryOperator<String> env) {
    String podName = env.apply("POD_NAME");
    if (podName == null || podName.isBlank()) {
      throw new IllegalArgumentException("--endpoint-selector (standalone mode) needs env POD_NAME, the EPP's own pod name");
    }
    return new StandaloneSourceOptions(poolNameFromPodName(podName.trim()),
        NamespaceResolver.resolve(poolNamespaceFlag, env), parseSelector(endpointSelector),
        new ArrayList<>(endpointTargetPorts), modelServerMetricsPort);
  }

  /** Returns the Deployment name of a pod named {@code <deployment>-<hash>-<suffix>}, else the pod name. */
  public static String poolNameFromPodName(String podName) {
    Matcher m = DEPLOYMENT_POD.matcher(podName);
    return m.matches() ? m.group(1) : podName;
  }

  /** Parses {@code k=v,k2=v2} (also {@code k==v}). */
  public static Map<String, String> parseSelector(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("--endpoint-selector must not be empty");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String part : text.split(",")) {
      String term = part.trim();
      int eq = term.indexOf('=');
      if (eq <= 0 || term.contains("!=")) {
        throw new IllegalArgumentException("--endpoint-selector: \"" + term + "\" is not key=value");
      }
      String key = term.substring(0, eq).trim();
      String value = term.substring(term.startsWith("==", eq) ? eq + 2 : eq + 1).trim();
      if (value.contains("=") || out.put(key, value) != null) {
        throw new IllegalArgumentException("--endpoint-selector: \"" + term + "\" is invalid or repeats a key");
      }
    }
    return out;
  }
}
