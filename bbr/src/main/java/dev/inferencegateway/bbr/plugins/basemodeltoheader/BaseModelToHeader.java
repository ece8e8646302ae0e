package dev.inferencegateway.bbr.plugins.basemodeltoheader;

import dev.inferencegateway.bbr.plugin.BaseModelLookup;
import dev.inferencegateway.bbr.plugin.BbrPluginHandle;
import dev.inferencegateway.bbr.plugin.BbrRequest;
import dev.inferencegateway.bbr.plugin.BodyField;
import dev.inferencegateway.bbr.plugin.RequestProcessor;
import dev.inferencegateway.bbr.plugin.RequestVerdict;
import dev.inferencegateway.epp.core.plugin.NoParameters;
import dev.inferencegateway.epp.core.plugin.PluginDescriptor;
import dev.inferencegateway.epp.core.plugin.TypedName;
import dev.inferencegateway.epp.core.scheduling.CycleState;
import java.util.Optional;
import java.util.Set;

/** Sets {@code X-Gateway-Base-Model-Name} from the body's model (upstream {@code base-model-to-header}). */
public final class BaseModelToHeader implements RequestProcessor {
  /** The registered type name. */
  public static final String TYPE = "base-model-to-header";
  /** The header this plugin sets. */
  public static final String HEADER = "X-Gateway-Base-Model-Name";
  /** The body field this plugin reads. */
  public static final String MODEL_FIELD = "model";

  /** The descriptor that registers this type. */
  public static final PluginDescriptor<NoParameters> DESCRIPTOR = PluginDescriptor
      .withoutParameters(TYPE, (name, params, handle) ->
          new BaseModelToHeader(new TypedName(TYPE, name), BbrPluginHandle.of(handle, TYPE).baseModels()))
      .build();

  private final TypedName typedName;
  private final BaseModelLookup baseModels;

  /** Creates the plugin over the given mappings. */
  public BaseModelToHeader(TypedName typedName, BaseModelLookup baseModels) {
    this.typedName = typedName;
    this.baseModels = baseModels;
  }

  @Override
  public TypedName typedName() {
    return typedName;
  }

  @Override
  public Set<String> bodyFields() {
    return Set.of(MODEL_FIELD);
  }

  @Override
  public RequestVerdict processRequest(CycleState state, BbrRequest request) {
    Optional<BodyField> model = request.body().field(MODEL_FIELD);
    if (model.isPresent()) {
      request.setHeader(HEADER, baseModels.baseModelOf(model.get().text()).orElse(""));
    }
    return RequestVerdict.CONTINUE;
  }
}
