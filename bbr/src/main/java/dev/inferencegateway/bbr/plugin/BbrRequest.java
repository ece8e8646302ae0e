package dev.inferencegateway.bbr.plugin;

import dev.inferencegateway.extproc.HeaderChanges;
import dev.inferencegateway.extproc.HttpHeadersView;
import java.util.Objects;
import java.util.Optional;

/**
 * One request as the BBR request processors see it: the headers received from the gateway with
 * the changes made so far, and the lazily parsed JSON body.
 */
public final class BbrRequest {
  private final HeaderEdits headers;
  private final BbrBody body;

  /** Creates a request over the received headers and the body. */
  public BbrRequest(HttpHeadersView headers, BbrBody body) {
    this.headers = new HeaderEdits(Objects.requireNonNull(headers, "headers"));
    this.body = Objects.requireNonNull(body, "body");
  }

  /** Returns the current value of header {@code name} (any case), after earlier plugins' changes. */
  public Optional<String> header(String name) {
    return headers.get(name);
  }

  /** Returns all current headers (lower-case names), after earlier plugins' changes. */
  public HttpHeadersView headers() {
    return headers.current();
  }

  /** Returns the request body. */
  public BbrBody body() {
    return body;
  }

  /**
   * Sets header {@code name} to {@code value}, replacing any value it has.
   *
   * @throws dev.inferencegateway.epp.core.request.InferenceException with {@code BAD_REQUEST} when
   *     the value contains a control character (it usually comes from the client's body)
   */
  public void setHeader(String name, String value) {
    headers.set(name, value);
  }

  /** Removes header {@code name}. */
  public void removeHeader(String name) {
    headers.remove(name);
  }

  /** Returns the header changes made so far, in the order they were made. */
  public HeaderChanges headerChanges() {
    return headers.changes();
  }
}
