package dev.inferencegateway.epp.server.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** A loopback HTTP server serving vLLM's {@code /metrics} with settable queue, KV-cache use and adapters. */
public final class FakeModelServer implements AutoCloseable {
  private final HttpServer server;
  private volatile String body = "";

  public FakeModelServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/metrics", exchange -> {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
      exchange.sendResponseHeaders(200, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    });
    server.start();
  }

  /** Serves the given queue, KV-cache use and running adapters. */
  public FakeModelServer state(int queue, double kvCache, Set<String> adapters) {
    body = "# TYPE vllm:num_requests_waiting gauge\n"
        + "vllm:num_requests_waiting{model_name=\"base\"} " + queue + "\n"
        + "# TYPE vllm:num_requests_running gauge\n"
        + "vllm:num_requests_running{model_name=\"base\"} 1\n"
        + "# TYPE vllm:kv_cache_usage_perc gauge\n"
        + "vllm:kv_cache_usage_perc{model_name=\"base\"} " + kvCache + "\n"
        + "# TYPE vllm:lora_requests_info gauge\n"
        + "vllm:lora_requests_info{max_lora=\"4\",running_lora_adapters=\"" + String.join(",", adapters)
        + "\",waiting_lora_adapters=\"\"} 1.7e9\n";
    return this;
  }

  /** Returns {@code 127.0.0.1:port}. */
  public String hostPort() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
