package dev.inferencegateway.epp.server.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.inferencegateway.epp.server.EppServer;
import dev.inferencegateway.epp.server.testing.Servers;
import dev.inferencegateway.epp.server.testing.TestEndpointSource;
import dev.inferencegateway.extproc.client.Exchange;
import dev.inferencegateway.extproc.client.ExchangeOptions;
import dev.inferencegateway.extproc.client.ExtProcClient;
import dev.inferencegateway.extproc.client.RequestResult;
import dev.inferencegateway.extproc.tls.CertifiedKey;
import dev.inferencegateway.extproc.tls.PemFiles;
import dev.inferencegateway.extproc.tls.SelfSignedCertificates;
import io.grpc.Grpc;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Upstream's conformance EPP config, and TLS from --cert-path with reload, on a real server. */
class ConformanceAndTlsTest {
  private static final String CONFORMANCE = """
      apiVersion: inference.networking.x-k8s.io/v1alpha1
      kind: EndpointPickerConfig
      plugins:
      - type: header-based-testing-filter
      - type: destination-endpoint-served-verifier
      schedulingProfiles:
      - name: conformance-profile
        plugins:
        - pluginRef: header-based-testing-filter
      """;
  private static final byte[] BODY = "{\"model\":\"conformance-fake-model\",\"prompt\":\"Write as if you were a critic: San Francisco\"}"
      .getBytes(StandardCharsets.UTF_8);

  @TempDir
  Path certs;

  private static TestEndpointSource threePods() {
    return new TestEndpointSource("conformance").endpoints(List.of(
        TestEndpointSource.endpoint("pod-0", "10.3.0.1", "127.0.0.1:1"),
        TestEndpointSource.endpoint("pod-1", "10.3.0.2", "127.0.0.1:1"),
        TestEndpointSource.endpoint("pod-2", "10.3.0.3", "127.0.0.1:1")));
  }

  private static ManagedChannel tlsChannel(EppServer epp, CertifiedKey trusted) throws Exception {
    String pem = PemFiles.encode("CERTIFICATE", trusted.leaf().getEncoded());
    return Grpc.newChannelBuilderForAddress("localhost", epp.runtime().extProcPort(), TlsChannelCredentials.newBuilder()
        .trustManager(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))).build()).build();
  }

  private static CertifiedKey key(String cn) {
    return SelfSignedCertificates.generate(cn, List.of("localhost"), Duration.ofDays(1), Clock.systemUTC(),
        new SecureRandom());
  }

  @Test
  void conformanceConfig_followsTheSelectionHeader_andReportsTheServedEndpoint() throws Exception {
    try (EppServer epp = Servers.start(threePods(), "--pool-name", "conformance", "--secure-serving=false",
        "--metrics-endpoint-auth=false", "--grpc-port=0", "--grpc-health-port=0", "--metrics-port=0",
        "--config-text", CONFORMANCE)) {
      ManagedChannel channel = Servers.channel(epp);
      try {
        ExtProcClient client = new ExtProcClient(channel);
        Exchange exchange = client.open(ExchangeOptions.fullDuplex());
        RequestResult routed = exchange.sendRequest(Map.of(":path", "/v1/completions",
            "test-epp-endpoint-selection", "10.3.0.3:8000,10.3.0.2"), BODY, 32, false).get(30, TimeUnit.SECONDS);
        String destination = routed.header("x-gateway-destination-endpoint").orElseThrow();
        assertThat(destination).isIn("10.3.0.3:8000", "10.3.0.2:8000");

        exchange.putFilterMetadata("envoy.lb", Map.of("x-gateway-destination-endpoint-served", destination));
        Map<String, String> responseHeaders = exchange.sendResponseHeaders(Map.of(":status", "200"), false)
            .get(30, TimeUnit.SECONDS);
        assertThat(responseHeaders).containsEntry("x-conformance-test-served-endpoint", destination);

        RequestResult none = client.open(ExchangeOptions.fullDuplex()).sendRequest(Map.of(":path", "/v1/completions",
            "test-epp-endpoint-selection", "10.9.9.9"), BODY, 32, false).get(30, TimeUnit.SECONDS);
        assertThat(none.immediate()).hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(429));
      } finally {
        channel.shutdownNow();
      }
    }
  }

  @Test
  void certPath_isServed_andReloadedWhenTheSecretRotates() throws Exception {
    CertifiedKey first = key("first");
    PemFiles.write(first, certs.resolve("tls.crt"), certs.resolve("tls.key"));
    try (EppServer epp = Servers.start(threePods(), "--pool-name", "conformance", "--cert-path", certs.toString(),
        "--enable-cert-reload", "--metrics-endpoint-auth=false", "--grpc-port=0", "--grpc-health-port=0",
        "--metrics-port=0")) {
      ManagedChannel channel = tlsChannel(epp, first);
      try {
        assertThat(new ExtProcClient(channel).open(ExchangeOptions.fullDuplex()).sendRequest(
            Map.of(":path", "/v1/completions"), BODY, 64, false).get(30, TimeUnit.SECONDS)
            .header("x-gateway-destination-endpoint")).isPresent();
      } finally {
        channel.shutdownNow();
      }

      CertifiedKey second = key("second");
      Path staging = Files.createDirectory(certs.resolve("..new"));
      PemFiles.write(second, staging.resolve("tls.crt"), staging.resolve("tls.key"));
      Files.move(staging.resolve("tls.key"), certs.resolve("tls.key"), StandardCopyOption.REPLACE_EXISTING);
      Files.move(staging.resolve("tls.crt"), certs.resolve("tls.crt"), StandardCopyOption.REPLACE_EXISTING);
      await().atMost(Duration.ofSeconds(20)).until(() ->
          epp.runtime().tls().orElseThrow().current().leaf().equals(second.leaf()));

      ManagedChannel rotated = tlsChannel(epp, second);
      try {
        assertThat(new ExtProcClient(rotated).open(ExchangeOptions.fullDuplex()).sendRequest(
            Map.of(":path", "/v1/completions"), BODY, 64, false).get(30, TimeUnit.SECONDS)
            .header("x-gateway-destination-endpoint")).isPresent();
      } finally {
        rotated.shutdownNow();
      }
    }
  }
}
