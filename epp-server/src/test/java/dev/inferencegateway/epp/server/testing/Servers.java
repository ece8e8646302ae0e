package dev.inferencegateway.epp.server.testing;

import dev.inferencegateway.epp.server.EppServer;
import dev.inferencegateway.epp.server.cli.EppOptions;
import dev.inferencegateway.epp.server.cli.ResolvedOptions;
import dev.inferencegateway.extproc.client.ExtProcClient;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;

/** Starts real EPP servers from flags for integration tests and talks to them. */
public final class Servers {
  private Servers() {}

  /** Parses and resolves {@code args} with {@code POD_NAME}/{@code NAMESPACE} from {@code env}. */
  public static ResolvedOptions options(Map<String, String> env, String... args) {
    EppOptions options = new EppOptions();
    new CommandLine(options).parseArgs(args);
    return ResolvedOptions.resolve(options, env);
  }

  /** Creates and starts a server over {@code source}, without Kubernetes. */
  public static EppServer start(TestEndpointSource source, String... args) throws IOException {
    EppServer server = EppServer.create(options(Map.of(), args), source, Optional.empty(), Clock.systemUTC());
    server.start();
    return server;
  }

  /** Returns a plaintext ext_proc client of {@code server} and its channel. */
  public static ManagedChannel channel(EppServer server) {
    return Grpc.newChannelBuilderForAddress("127.0.0.1", server.runtime().extProcPort(),
        InsecureChannelCredentials.create()).build();
  }

  /** Returns an Envoy-playing client over {@code channel}. */
  public static ExtProcClient client(ManagedChannel channel) {
    return new ExtProcClient(channel);
  }

  /** Scrapes {@code /metrics} of {@code server}. */
  public static HttpResponse<String> scrape(EppServer server, Optional<String> bearer) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + server.runtime().metricsPort() + "/metrics"));
    bearer.ifPresent(token -> request.header("Authorization", "Bearer " + token));
    try (HttpClient http = HttpClient.newHttpClient()) {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
  }
}
