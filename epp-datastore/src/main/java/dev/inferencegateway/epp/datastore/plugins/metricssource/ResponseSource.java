package dev.inferencegateway.epp.datastore.plugins.metricssource;

import java.io.IOException;

/** Where a response head and body are read from: a connection, or bytes already received. */
interface ResponseSource {
  /** Reads a line of at most {@link BufferedInput#MAX_LINE} bytes, without its terminator. */
  String readLine() throws IOException;

  /** Reads up to {@code length} body bytes; returns -1 at the end of the stream. */
  int read(byte[] target, int offset, int length) throws IOException;

  /** Marks the current exchange complete; {@code keepAlive} tells whether the next may follow. */
  void exchangeComplete(boolean keepAlive);
}
