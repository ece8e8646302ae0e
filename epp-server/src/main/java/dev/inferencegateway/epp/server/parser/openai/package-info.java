/**
 * The {@code openai-parser} plugin (the default parser).
 *
 * <p>Type {@code openai-parser}; no parameters. Chooses the API by the path suffix of
 * {@code :path} (then {@code x-original-path}, {@code x-forwarded-path}): {@code /conversations},
 * {@code /responses}, {@code /chat/completions}, {@code /completions}, {@code /embeddings};
 * completions when none matches. Reads the body in one streaming pass and produces the
 * {@code model}, {@code stream}, {@code cache_salt} and the prompt bytes used for prefix-cache
 * affinity, taken from the original body bytes: the {@code messages} JSON (chat), the prompt text
 * (completions), {@code [instructions,tools,input]} (responses), the {@code items} JSON
 * (conversations) and the {@code input} JSON (embeddings).
 *
 * <p>Validation (400, {@code error extracting request body: ...}): chat needs a non-empty
 * {@code messages} array, completions a non-empty {@code prompt}, responses an {@code input},
 * conversations a non-empty {@code items} array, embeddings a non-empty {@code input}; then a
 * string {@code model} is required ({@code model not found in request body}).
 *
 * <p>Model rewrites splice the new {@code model} into the original bytes; nothing else is
 * re-serialised. Usage is read from the {@code usage} object of complete bodies and of
 * server-sent {@code data:} events, in both field spellings, with cached prompt tokens.
 */
package dev.inferencegateway.epp.server.parser.openai;
