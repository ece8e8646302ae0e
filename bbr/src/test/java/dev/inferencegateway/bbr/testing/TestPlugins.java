package dev.inferencegateway.bbr.testing;

import com.google.protobuf.ByteString;
import dev.inferencegateway.bbr.plugin.BbrRequest;
import dev.inferencegateway.bbr.plugin.BbrResponse;
import dev.inferencegateway.bbr.plugin.RequestProcessor;
import dev.inferencegateway.bbr.plugin.RequestVerdict;
import dev.inferencegateway.bbr.plugin.ResponseProcessor;
import dev.inferencegateway.bbr.plugins.BbrPlugins;
import dev.inferencegateway.epp.core.plugin.DataKey;
import dev.inferencegateway.epp.core.plugin.PluginDescriptor;
import dev.inferencegateway.epp.core.plugin.PluginRegistry;
import dev.inferencegateway.epp.core.plugin.TypedName;
import dev.inferencegateway.epp.core.scheduling.CycleState;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Plugins used only by tests: a body rewriter and a streaming response transformer. */
public final class TestPlugins {
  /** Rewrites {@code model} to the value of header {@code x-gateway-base-model-name}, when set. */
  public static final String MODEL_REWRITER = "test-model-rewriter";
  /** Upper-cases every response chunk as it passes and counts chunks in a response header. */
  public static final String SHOUTER = "test-shouter";

  private static final DataKey<Integer> CHUNKS = DataKey.of("test-chunks", Integer.class);

  private TestPlugins() {}

  /** Returns the built-in BBR plugins plus the test plugins. */
  public static PluginRegistry registry() {
    List<PluginDescriptor<?>> all = new ArrayList<>(new BbrPlugins().descriptors());
    all.add(PluginDescriptor.withoutParameters(MODEL_REWRITER, (name, p, h) -> new ModelRewriter(name)).build());
    all.add(PluginDescriptor.withoutParameters(SHOUTER, (name, p, h) -> new Shouter(name)).build());
    return PluginRegistry.of(all);
  }

  private record ModelRewriter(String name) implements RequestProcessor {
    @Override
    public TypedName typedName() {
      return new TypedName(MODEL_REWRITER, name);
    }

    @Override
    public RequestVerdict processRequest(CycleState state, BbrRequest request) {
      request.header("x-gateway-base-model-name").filter(base -> !base.isEmpty())
          .ifPresent(base -> request.body().edit().put("model", base));
      return RequestVerdict.CONTINUE;
    }
  }

  private record Shouter(String name) implements ResponseProcessor {
    @Override
    public TypedName typedName() {
      return new TypedName(SHOUTER, name);
    }

    @Override
    public void processResponseHeaders(CycleState state, BbrResponse response) {
      response.setHeader("x-shouted-for", response.requestHeaders().get("x-gateway-model-name").orElse("?"));
      response.removeHeader("content-length");
    }

    @Override
    public ByteString processResponseChunk(CycleState state, BbrResponse response, ByteString chunk,
        boolean endOfStream) {
      state.put(CHUNKS, state.get(CHUNKS).orElse(0) + 1);
      String text = chunk.toString(StandardCharsets.UTF_8).toUpperCase(Locale.ROOT);
      if (endOfStream) {
        text += "data: [CHUNKS " + state.get(CHUNKS).orElseThrow() + "]\n\n";
      }
      return ByteString.copyFromUtf8(text);
    }
  }
}
