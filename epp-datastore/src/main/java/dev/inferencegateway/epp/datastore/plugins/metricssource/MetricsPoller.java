package dev.inferencegateway.epp.datastore.plugins.metricssource;

import dev.inferencegateway.epp.datastore.collector.EndpointPoller;
import dev.inferencegateway.epp.datastore.prometheus.ExpositionFormat;
import dev.inferencegateway.epp.datastore.prometheus.FamilySelection;
import dev.inferencegateway.epp.datastore.prometheus.MetricFamilies;
import dev.inferencegateway.epp.datastore.prometheus.PrometheusParseException;
import dev.inferencegateway.epp.datastore.prometheus.PrometheusTextParser;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/** Fetches and parses one endpoint's {@code /metrics}, reusing its parser buffer across polls. */
final class MetricsPoller implements EndpointPoller {
  private static final String ACCEPT = "text/plain;version=0.0.4;q=1.0,*/*;q=0.1";

  private final OkHttpClient client;
  private final Request request;
  private final String subject;
  private final FamilySelection selection;
  private final PrometheusTextParser parser = new PrometheusTextParser();
  private volatile Call inFlight;

  MetricsPoller(OkHttpClient client, String url, String endpointName, FamilySelection selection) {
    this.client = client;
    this.request = new Request.Builder().url(url).header("Accept", ACCEPT)
        .header("Accept-Encoding", "identity").get().build();
    this.subject = "endpoint " + endpointName + " (" + url + ")";
    this.selection = selection;
  }

  @Override
  public MetricFamilies poll(Duration timeout) throws IOException, MetricsScrapeException {
    Call call = client.newCall(request);
    call.timeout().timeout(timeout.toNanos(), TimeUnit.NANOSECONDS);
    inFlight = call;
    try (Response response = call.execute()) {
      if (response.code() != 200) {
        throw new MetricsScrapeException(subject + ": HTTP status " + response.code(), null);
      }
      ExpositionFormat format = ExpositionFormat.fromContentType(response.header("Content-Type"));
      try (InputStream in = response.body().byteStream()) {
        return parser.parse(in, selection, format);
      }
    } catch (PrometheusParseException e) {
      throw new MetricsScrapeException(subject + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new IOException(subject + ": " + (e.getMessage() == null ? e.getClass().getSimpleName()
          : e.getMessage()), e);
    } finally {
      inFlight = null;
    }
  }

  @Override
  public void close() {
    Call call = inFlight;
    if (call != null) {
      call.cancel();
    }
  }
}
