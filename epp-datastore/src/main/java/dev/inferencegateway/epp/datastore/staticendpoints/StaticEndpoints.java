package dev.inferencegateway.epp.datastore.staticendpoints;

import dev.inferencegateway.epp.core.endpoint.EndpointMetadata;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds static endpoints and checks that names and addresses are unique. */
final class StaticEndpoints {
  /** A parsed {@code host:port}. */
  record HostPort(String host, int port) {}

  private StaticEndpoints() {}

  /** Parses {@code host:port} or {@code [ipv6]:port}. */
  static HostPort parseHostPort(String text) {
    int colon = text.lastIndexOf(':');
    String host = colon > 0 ? text.substring(0, colon) : "";
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    } else if (host.contains(":")) {
      host = "";
    }
    int port = -1;
    try {
      port = Integer.parseInt(text.substring(colon + 1));
    } catch (NumberFormatException | IndexOutOfBoundsException e) {
      port = -1;
    }
    if (host.isBlank() || port < 1 || port > 65535) {
      throw new IllegalArgumentException("--endpoints: \"" + text + "\" is not host:port");
    }
    return new HostPort(host, port);
  }

  static EndpointMetadata endpoint(String name, String namespace, String host, int port, int metricsPort,
      Map<String, String> labels) {
    String bracketed = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    String endpointName = name == null || name.isBlank() ? bracketed + ":" + port : name;
    return new EndpointMetadata(endpointName, namespace, endpointName, host, port, bracketed + ":" + metricsPort, labels);
  }

  static List<EndpointMetadata> fromFlag(List<String> entries, String namespace) {
    List<EndpointMetadata> out = new ArrayList<>();
    for (String entry : entries) {
      HostPort hp = parseHostPort(entry);
      out.add(endpoint(null, namespace, hp.host(), hp.port(), hp.port(), Map.of()));
    }
    checkUnique(out, "--endpoints");
    return out;
  }

  /** Throws when two endpoints share a name or an address and port. */
  static void checkUnique(List<EndpointMetadata> endpoints, String where) {
    Set<String> names = new HashSet<>();
    Set<String> targets = new HashSet<>();
    for (EndpointMetadata e : endpoints) {
      if (!targets.add(e.hostPort())) {
        throw new IllegalArgumentException(where + ": " + e.hostPort() + " is listed twice");
      }
      if (!names.add(e.name())) {
        throw new IllegalArgumentException(where + ": endpoint name \"" + e.name() + "\" is used twice");
      }
    }
  }

  static List<Integer> ports(List<EndpointMetadata> endpoints) {
    Set<Integer> ports = new LinkedHashSet<>();
    endpoints.forEach(e -> ports.add(e.port()));
    return List.copyOf(ports);
  }
}
