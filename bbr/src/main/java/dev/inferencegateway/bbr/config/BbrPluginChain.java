package dev.inferencegateway.bbr.config;

import dev.inferencegateway.bbr.plugin.RequestProcessor;
import dev.inferencegateway.bbr.plugin.ResponseProcessor;
import dev.inferencegateway.bbr.plugins.basemodeltoheader.BaseModelToHeader;
import dev.inferencegateway.bbr.plugins.bodyfieldtoheader.BodyFieldToHeader;
import dev.inferencegateway.epp.core.plugin.Plugin;
import dev.inferencegateway.epp.core.plugin.PluginDescriptor;
import dev.inferencegateway.epp.core.plugin.PluginParameters;
import dev.inferencegateway.epp.core.plugin.PluginRegistry;
import dev.inferencegateway.epp.core.plugin.TypedName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The configured BBR plugins in order: request processors run first to last, response processors
 * likewise on each response chunk.
 *
 * @param requestProcessors the request processors, in order
 * @param responseProcessors the response processors, in order
 */
public record BbrPluginChain(List<RequestProcessor> requestProcessors, List<ResponseProcessor> responseProcessors) {
  /** The header the default chain copies the model into. */
  public static final String MODEL_HEADER = "X-Gateway-Model-Name";

  /** The chain used when no {@code --plugin} is given, named as in the Helm chart's values. */
  public static final List<String> DEFAULT_SPECS = List.of(
      BodyFieldToHeader.TYPE + ":model-extractor:{\"fieldName\":\"model\",\"headerName\":\"" + MODEL_HEADER + "\"}",
      BaseModelToHeader.TYPE + ":base-model-mapper");

  public BbrPluginChain {
    requestProcessors = List.copyOf(requestProcessors);
    responseProcessors = List.copyOf(responseProcessors);
  }

  /**
   * Instantiates the plugins of {@code specs} ({@link #DEFAULT_SPECS} when empty) in order.
   *
   * @throws IllegalArgumentException naming the plugin and the problem: an unknown type, a repeated
   *     name, invalid parameters, or a type that is not a BBR plugin
   */
  public static BbrPluginChain build(List<PluginSpec> specs, PluginRegistry registry, BbrHandle handle) {
    List<PluginSpec> effective = specs.isEmpty()
        ? DEFAULT_SPECS.stream().map(PluginSpec::parse).toList() : specs;
    Set<String> names = new HashSet<>();
    List<RequestProcessor> request = new ArrayList<>();
    List<ResponseProcessor> response = new ArrayList<>();
    for (PluginSpec spec : effective) {
      if (!names.add(spec.name())) {
        throw new IllegalArgumentException("invalid --plugin '" + spec.toFlagValue() + "': plugin name '"
            + spec.name() + "' is used twice");
      }
      Plugin plugin = instantiate(spec, registry, handle);
      if (!(plugin instanceof RequestProcessor) && !(plugin instanceof ResponseProcessor)) {
        throw new IllegalArgumentException("invalid --plugin '" + spec.toFlagValue() + "': plugin type '"
            + spec.type() + "' is not a Body-Based Router plugin");
      }
      if (plugin instanceof RequestProcessor processor) {
        request.add(processor);
      }
      if (plugin instanceof ResponseProcessor processor) {
        response.add(processor);
      }
      handle.add(plugin);
    }
    return new BbrPluginChain(request, response);
  }

  /** Returns the top-level body fields that the request processors read. */
  public Set<String> bodyFields() {
    Set<String> fields = new LinkedHashSet<>();
    requestProcessors.forEach(p -> fields.addAll(p.bodyFields()));
    return fields;
  }

  private static Plugin instantiate(PluginSpec spec, PluginRegistry registry, BbrHandle handle) {
    Optional<PluginDescriptor<?>> descriptor = registry.find(spec.type());
    if (descriptor.isEmpty()) {
      String known = registry.descriptors().stream().map(PluginDescriptor::type).sorted()
          .collect(Collectors.joining(", "));
      throw new IllegalArgumentException("invalid --plugin '" + spec.toFlagValue() + "': unknown plugin type '"
          + spec.type() + "' (known: " + known + ")");
    }
    return create(descriptor.get(), spec, handle);
  }

  private static <P> Plugin create(PluginDescriptor<P> descriptor, PluginSpec spec, BbrHandle handle) {
    TypedName typedName = new TypedName(spec.type(), spec.name());
    P parameters = PluginParameters.parse(typedName, spec.parameters().orElse(null), descriptor.parametersType());
    try {
      return descriptor.factory().create(spec.name(), parameters, handle);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("plugin '" + spec.name() + "' (type: " + spec.type() + "): "
          + e.getMessage(), e);
    }
  }
}
