package dev.inferencegateway.epp.datastore.testing;

import dev.inferencegateway.epp.core.datastore.PoolInfo;
import dev.inferencegateway.epp.core.endpoint.EndpointMetadata;
import dev.inferencegateway.epp.datastore.EndpointSource;
import dev.inferencegateway.epp.datastore.PoolStateSink;
import java.util.List;
import java.util.Map;

/** An {@link EndpointSource} that a test drives by hand through {@link #sink()}. */
public class ManualSource implements EndpointSource {
  private PoolStateSink sink;
  private boolean closed;

  @Override
  public String description() {
    return "manual test source";
  }

  @Override
  public void start(PoolStateSink value) {
    sink = value;
    sink.setPool(new PoolInfo("pool", "default", Map.of(), List.of(8000), "http"));
    sink.setSourceSynced(true);
  }

  /** Returns the sink the datastore gave at start. */
  public PoolStateSink sink() {
    return sink;
  }

  /** Replaces the endpoints of {@code owner}. */
  public void endpoints(String owner, EndpointMetadata... endpoints) {
    sink.setEndpoints(owner, List.of(endpoints));
  }

  /** Returns true once closed. */
  public boolean closed() {
    return closed;
  }

  @Override
  public void close() {
    closed = true;
  }

  /** Returns metadata for an endpoint named {@code name} whose metrics are at {@code hostPort}. */
  public static EndpointMetadata endpoint(String name, String hostPort, Map<String, String> labels) {
    int colon = hostPort.lastIndexOf(':');
    return new EndpointMetadata(name, "default", name, hostPort.substring(0, colon),
        Integer.parseInt(hostPort.substring(colon + 1)), hostPort, labels);
  }
}
