/**
 * The {@code passthrough-parser} plugin.
 *
 * <p>Type {@code passthrough-parser}; no parameters. Treats the body as an opaque payload: no
 * {@code model} is required or rewritten, no prompt bytes are produced (so no prefix-cache
 * affinity), no usage is read, and the body is forwarded byte for byte.
 */
package dev.inferencegateway.epp.server.parser.passthrough;
