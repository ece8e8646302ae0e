package dev.inferencegateway.bench.gateway.config;

import java.util.List;

/**
 * One HTTPRoute match: the path and every header match must hold.
 *
 * @param path the path match (default: PathPrefix {@code /})
 * @param headers the header matches (default none)
 */
public record RouteMatch(PathMatch path, List<HeaderMatch> headers) {
  public RouteMatch {
    path = path == null ? PathMatch.ANY : path;
    headers = headers == null ? List.of() : List.copyOf(headers);
  }

  /** Matches any path whose {@code header} equals {@code value}. */
  public static RouteMatch header(String header, String value) {
    return new RouteMatch(PathMatch.ANY, List.of(HeaderMatch.exact(header, value)));
  }
}
