/**
 * TLS identities of the gRPC servers: a self-signed certificate generated at start, or PEM files
 * from a directory reloaded on change, presented with ALPN {@code h2}.
 */
package dev.inferencegateway.extproc.tls;
