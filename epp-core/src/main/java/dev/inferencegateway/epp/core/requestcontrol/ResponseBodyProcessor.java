package dev.inferencegateway.epp.core.requestcontrol;

import dev.inferencegateway.epp.core.plugin.Plugin;
import dev.inferencegateway.epp.core.request.InferenceRequest;
import dev.inferencegateway.epp.core.request.InferenceResponse;

/**
 * A plugin called for the response body: for every streamed chunk (off the stream's path, in
 * order) and once more, synchronously, at the end of the stream, where it may add dynamic
 * metadata. It is also called at the end when the client disconnects early.
 */
public interface ResponseBodyProcessor extends Plugin {
  /** Observes one body chunk; {@link InferenceResponse#endOfStream()} marks the last. No-op by default. */
  default void responseBody(InferenceRequest request, InferenceResponse response) {}
}
