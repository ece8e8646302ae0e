package dev.inferencegateway.bench.gateway;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Flow;

/**
 * A response to relay to the client: from a model server, or a reply the gateway makes itself
 * after an upstream failure (then {@code servedBy} is null).
 *
 * @param servedBy the {@code ip:port} that served it, null for the gateway's own replies
 * @param status the HTTP status
 * @param headers lower-case names, values joined with a comma
 * @param body the body, published as it arrives
 * @param knownEmpty whether the body is known to be empty (no body phase is played)
 */
record UpstreamResponse(String servedBy, int status, Map<String, String> headers,
    Flow.Publisher<List<ByteBuffer>> body, boolean knownEmpty) {}
