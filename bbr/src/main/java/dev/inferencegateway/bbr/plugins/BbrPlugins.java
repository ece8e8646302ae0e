package dev.inferencegateway.bbr.plugins;

import dev.inferencegateway.bbr.plugins.basemodeltoheader.BaseModelToHeader;
import dev.inferencegateway.bbr.plugins.bodyfieldtoheader.BodyFieldToHeader;
import dev.inferencegateway.epp.core.plugin.PluginBundle;
import dev.inferencegateway.epp.core.plugin.PluginDescriptor;
import java.util.List;

/** The bundle of built-in Body-Based Router plugins. */
public final class BbrPlugins implements PluginBundle {
  @Override
  public List<PluginDescriptor<?>> descriptors() {
    return List.of(BodyFieldToHeader.DESCRIPTOR, BaseModelToHeader.DESCRIPTOR);
  }
}
