package dev.inferencegateway.bench.gateway;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** An address on 127.0.0.1 where nothing listens (a dead server). */
public final class ClosedPort {
  private ClosedPort() {}

  /** Returns {@code 127.0.0.1:port} of a port that was just free. */
  public static String address() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return "127.0.0.1:" + socket.getLocalPort();
    }
  }
}
