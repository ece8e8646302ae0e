package dev.inferencegateway.epp.datastore.plugins.metricssource;

import java.net.URI;
import java.util.Locale;

/**
 * The scheme, host and port a scrape connection talks to, parsed from a URL.
 *
 * @param https whether the connection uses TLS
 * @param host the host name or IP address, without brackets
 * @param port the port (80 or 443 when the URL names none)
 */
record Origin(boolean https, String host, int port) {

  /** Returns the origin of an absolute {@code http} or {@code https} URL. */
  static Origin of(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("not an http or https URL: " + url);
    }
    String host = url.getHost();
    if (host == null || host.isEmpty()) {
      throw new IllegalArgumentException("URL has no host: " + url);
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    boolean https = scheme.equals("https");
    int port = url.getPort() >= 0 ? url.getPort() : https ? 443 : 80;
    return new Origin(https, host, port);
  }

  /** Returns the {@code Host} header value: the host, bracketed when IPv6, and a non-default port. */
  String hostHeader() {
    String name = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    return port == (https ? 443 : 80) ? name : name + ":" + port;
  }

  @Override
  public String toString() {
    return (https ? "https://" : "http://") + hostHeader();
  }
}
