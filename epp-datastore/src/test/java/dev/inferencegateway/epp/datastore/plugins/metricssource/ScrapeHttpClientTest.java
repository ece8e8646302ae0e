package dev.inferencegateway.epp.datastore.plugins.metricssource;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScrapeHttpClientTest {

  @Test
  void verifyingAndInsecureClients_shareOneConnectionPool() {
    try (ScrapeHttpClient http = new ScrapeHttpClient()) {
      assertThat(http.client(true)).isNotSameAs(http.client(false)).isSameAs(http.client(true));
      assertThat(http.client(true).connectionPool()).isSameAs(http.client(false).connectionPool());
      assertThat(http.client(true).hostnameVerifier().verify("anything", null)).isTrue();
      assertThat(http.connectionCount()).isZero();
      assertThat(ScrapeHttpClient.shared()).isSameAs(ScrapeHttpClient.shared());
    }
  }
}
