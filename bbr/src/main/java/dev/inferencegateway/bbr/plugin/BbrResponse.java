package dev.inferencegateway.bbr.plugin;

import dev.inferencegateway.extproc.HeaderChanges;
import dev.inferencegateway.extproc.HttpHeadersView;
import java.util.Objects;
import java.util.Optional;

/**
 * One response as the BBR response processors see it: its headers (with the changes made so far)
 * and the request headers as BBR forwarded them. Headers can be changed only while the response
 * headers are processed; body chunks come after the headers have been answered.
 */
public final class BbrResponse {
  private final HttpHeadersView requestHeaders;
  private HeaderEdits headers = new HeaderEdits(HttpHeadersView.EMPTY);
  private boolean headersOpen;

  /** Creates a response for a request forwarded with {@code requestHeaders}. */
  public BbrResponse(HttpHeadersView requestHeaders) {
    this.requestHeaders = Objects.requireNonNull(requestHeaders, "requestHeaders");
  }

  /** Returns the request headers as forwarded upstream (BBR's changes included). */
  public HttpHeadersView requestHeaders() {
    return requestHeaders;
  }

  /** Returns the current value of response header {@code name} (any case). */
  public Optional<String> header(String name) {
    return headers.get(name);
  }

  /** Returns all current response headers (lower-case names). */
  public HttpHeadersView headers() {
    return headers.current();
  }

  /**
   * Sets response header {@code name}.
   *
   * @throws IllegalStateException outside {@link ResponseProcessor#processResponseHeaders}
   */
  public void setHeader(String name, String value) {
    requireHeadersOpen();
    headers.set(name, value);
  }

  /**
   * Removes response header {@code name}.
   *
   * @throws IllegalStateException outside {@link ResponseProcessor#processResponseHeaders}
   */
  public void removeHeader(String name) {
    requireHeadersOpen();
    headers.remove(name);
  }

  /** Starts the header phase with the headers received from upstream. */
  public void openHeaders(HttpHeadersView received) {
    headers = new HeaderEdits(Objects.requireNonNull(received, "received"));
    headersOpen = true;
  }

  /** Ends the header phase and returns the changes to send to the gateway. */
  public HeaderChanges closeHeaders() {
    headersOpen = false;
    return headers.changes();
  }

  private void requireHeadersOpen() {
    if (!headersOpen) {
      throw new IllegalStateException("response headers can only be changed while they are processed");
    }
  }
}
