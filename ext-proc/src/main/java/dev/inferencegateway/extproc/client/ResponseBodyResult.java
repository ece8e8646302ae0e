package dev.inferencegateway.extproc.client;

import com.google.protobuf.ByteString;
import java.util.List;
import java.util.Map;

/**
 * The response body as the processor passed it downstream.
 *
 * @param body all chunks the processor emitted, concatenated
 * @param chunkSizes the sizes of the emitted chunks, in order
 * @param dynamicMetadata dynamic metadata attached to the last message, by namespace
 */
public record ResponseBodyResult(ByteString body, List<Integer> chunkSizes, Map<String, Object> dynamicMetadata) {}
