package dev.inferencegateway.bbr.plugins.bodyfieldtoheader;

import dev.inferencegateway.bbr.plugin.BbrPluginHandle;
import dev.inferencegateway.bbr.plugin.BbrRecorder;
import dev.inferencegateway.bbr.plugin.BbrRequest;
import dev.inferencegateway.bbr.plugin.BodyField;
import dev.inferencegateway.bbr.plugin.RequestProcessor;
import dev.inferencegateway.bbr.plugin.RequestVerdict;
import dev.inferencegateway.epp.core.plugin.PluginDescriptor;
import dev.inferencegateway.epp.core.plugin.TypedName;
import dev.inferencegateway.epp.core.scheduling.CycleState;
import java.util.Optional;
import java.util.Set;

/** Copies a top-level body field into a request header (upstream {@code body-field-to-header}). */
public final class BodyFieldToHeader implements RequestProcessor {
  /** The registered type name. */
  public static final String TYPE = "body-field-to-header";

  /** The descriptor that registers this type. */
  public static final PluginDescriptor<BodyFieldToHeaderParameters> DESCRIPTOR = PluginDescriptor
      .builder(TYPE, BodyFieldToHeaderParameters.class, (name, params, handle) ->
          new BodyFieldToHeader(new TypedName(TYPE, name), params,
              BbrPluginHandle.of(handle, TYPE).bbrMetrics()))
      .build();

  private final TypedName typedName;
  private final String fieldName;
  private final String headerName;
  private final BbrRecorder metrics;

  /** Creates the plugin. */
  public BodyFieldToHeader(TypedName typedName, BodyFieldToHeaderParameters parameters, BbrRecorder metrics) {
    this.typedName = typedName;
    this.fieldName = parameters.fieldName();
    this.headerName = parameters.headerName();
    this.metrics = metrics;
  }

  @Override
  public TypedName typedName() {
    return typedName;
  }

  @Override
  public Set<String> bodyFields() {
    return Set.of(fieldName);
  }

  @Override
  public RequestVerdict processRequest(CycleState state, BbrRequest request) {
    Optional<BodyField> value = request.body().field(fieldName);
    if (value.isEmpty()) {
      metrics.bodyFieldNotFound(fieldName);
      return RequestVerdict.PASS_THROUGH;
    }
    if (value.get().isEmpty()) {
      metrics.bodyFieldEmpty(fieldName);
      return RequestVerdict.PASS_THROUGH;
    }
    request.setHeader(headerName, value.get().text());
    return RequestVerdict.CONTINUE;
  }
}
