package dev.inferencegateway.epp.datastore.plugins.metricssource;

import dev.inferencegateway.epp.datastore.collector.EndpointPoller;
import dev.inferencegateway.epp.datastore.prometheus.FamilySelection;

class MetricsPollerTest extends AbstractPollerTest {
  @Override
  EndpointPoller newPoller(String url, boolean insecureSkipVerify) {
    return new MetricsPoller(client, insecureSkipVerify, url, "pod-rank-0", FamilySelection.all());
  }
}
