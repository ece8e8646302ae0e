package dev.inferencegateway.epp.core.director;

import dev.inferencegateway.epp.core.datastore.Datastore;
import dev.inferencegateway.epp.core.datastore.EndpointSnapshot;
import dev.inferencegateway.epp.core.endpoint.Endpoint;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the candidate endpoints of a request: all datastore endpoints, restricted to the proxy's
 * subset hint when one is given (matched by IP address, the port ignored), each as a fresh
 * per-request {@link Endpoint} snapshot.
 */
final class CandidateLocator {
  private final Datastore datastore;
  private final boolean subsetFilterEnabled;

  CandidateLocator(Datastore datastore, boolean subsetFilterEnabled) {
    this.datastore = datastore;
    this.subsetFilterEnabled = subsetFilterEnabled;
  }

  /**
   * Returns the candidates.
   *
   * @param subsetHint the {@code ip:port} entries the proxy allows; empty when the proxy sent no
   *     hint (then every endpoint is a candidate); a present but empty list allows none
   */
  List<Endpoint> locate(Optional<List<String>> subsetHint) {
    List<EndpointSnapshot> all = datastore.endpoints();
    Set<String> allowed = subsetFilterEnabled && subsetHint.isPresent() ? ipsOf(subsetHint.get()) : null;
    List<Endpoint> candidates = new ArrayList<>(all.size());
    for (EndpointSnapshot snapshot : all) {
      if (allowed == null || allowed.contains(normalize(snapshot.metadata().address()))) {
        candidates.add(new Endpoint(snapshot.metadata(), snapshot.metrics()));
      }
    }
    return candidates;
  }

  private static Set<String> ipsOf(List<String> entries) {
    Set<String> ips = new HashSet<>(entries.size() * 2);
    for (String entry : entries) {
      ips.add(normalize(hostOf(entry.trim())));
    }
    return ips;
  }

  /** Returns the host part of {@code ip:port}, {@code [v6]:port}, or a bare address. */
  static String hostOf(String entry) {
    if (entry.startsWith("[")) {
      int close = entry.indexOf(']');
      return close > 0 ? entry.substring(1, close) : entry;
    }
    int first = entry.indexOf(':');
    if (first >= 0 && first == entry.lastIndexOf(':')) {
      return entry.substring(0, first);
    }
    return entry;
  }

  private static String normalize(String address) {
    return address.toLowerCase(Locale.ROOT);
  }
}
