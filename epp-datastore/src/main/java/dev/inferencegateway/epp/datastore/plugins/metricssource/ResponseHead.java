package dev.inferencegateway.epp.datastore.plugins.metricssource;

import java.io.IOException;
import java.net.ProtocolException;
import java.util.Locale;

/**
 * The status line and the headers of an HTTP/1.x response that a scrape needs.
 *
 * @param status the status code
 * @param contentType the {@code Content-Type}, or null
 * @param contentLength the {@code Content-Length}, or -1 when absent
 * @param chunked whether the body uses chunked transfer coding
 * @param gzip whether the body is gzip-encoded
 * @param keepAlive whether the connection may carry another request after this response
 * @param location the {@code Location}, or null
 */
record ResponseHead(int status, String contentType, long contentLength, boolean chunked, boolean gzip,
    boolean keepAlive, String location) {

  /** Returns whether the response has a body at all (RFC 9112 §6.3). */
  boolean hasBody() {
    return status >= 200 && status != 204 && status != 304;
  }

  /** Returns whether the status is a redirect that carries a location. */
  boolean isRedirect() {
    return location != null
        && (status == 301 || status == 302 || status == 303 || status == 307 || status == 308);
  }

  /** Reads the final head from {@code lines}, skipping informational (1xx) heads before it. */
  static ResponseHead readFinal(BufferedInput lines) throws IOException {
    ResponseHead head = read(lines);
    while (head.status() >= 100 && head.status() < 200) {
      head = read(lines);
    }
    return head;
  }

  /** Reads a head from {@code lines}: the status line, then header lines up to the empty line. */
  static ResponseHead read(BufferedInput lines) throws IOException {
    String statusLine = lines.readLine();
    if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12 || statusLine.charAt(8) != ' ') {
      throw new ProtocolException("not an HTTP/1.x response: \"" + abbreviate(statusLine) + "\"");
    }
    boolean http11 = statusLine.charAt(7) == '1';
    int status = parseStatus(statusLine);
    String contentType = null;
    String location = null;
    long contentLength = -1;
    boolean chunked = false;
    boolean gzip = false;
    Boolean connectionKeepAlive = null;
    for (String line = lines.readLine(); !line.isEmpty(); line = lines.readLine()) {
      int colon = line.indexOf(':');
      if (colon <= 0) {
        throw new ProtocolException("malformed header line: \"" + abbreviate(line) + "\"");
      }
      String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).trim();
      switch (name) {
        case "content-type" -> contentType = value;
        case "content-length" -> contentLength = parseLength(value);
        case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).endsWith("chunked");
        case "content-encoding" -> gzip = value.equalsIgnoreCase("gzip") || value.equalsIgnoreCase("x-gzip");
        case "connection" -> connectionKeepAlive = connectionValue(value, connectionKeepAlive);
        case "location" -> location = value;
        default -> { }
      }
    }
    boolean keepAlive = connectionKeepAlive != null ? connectionKeepAlive : http11;
    if (!chunked && contentLength < 0) {
      keepAlive = false;
    }
    return new ResponseHead(status, contentType, chunked ? -1 : contentLength, chunked, gzip, keepAlive,
        location);
  }

  private static int parseStatus(String statusLine) throws ProtocolException {
    int status = 0;
    for (int i = 9; i < 12; i++) {
      char c = statusLine.charAt(i);
      if (c < '0' || c > '9') {
        throw new ProtocolException("malformed status line: \"" + abbreviate(statusLine) + "\"");
      }
      status = status * 10 + (c - '0');
    }
    return status;
  }

  private static long parseLength(String value) throws ProtocolException {
    long length;
    try {
      length = Long.parseLong(value);
    } catch (NumberFormatException e) {
      length = -1;
    }
    if (length < 0) {
      throw new ProtocolException("malformed Content-Length: \"" + abbreviate(value) + "\"");
    }
    return length;
  }

  private static Boolean connectionValue(String value, Boolean previous) {
    for (String token : value.split(",")) {
      String t = token.trim();
      if (t.equalsIgnoreCase("close")) {
        return false;
      }
      if (t.equalsIgnoreCase("keep-alive") && previous == null) {
        return true;
      }
    }
    return previous;
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "…";
  }
}
