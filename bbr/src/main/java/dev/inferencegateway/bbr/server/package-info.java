/**
 * The standalone Body-Based Router server: flags as upstream's {@code pkg/bbr/server/options.go}
 * (plus this project's {@code --base-model-file} and {@code --max-request-body-bytes}), the ext_proc
 * and gRPC health servers, the metrics endpoint and logging set-up.
 */
package dev.inferencegateway.bbr.server;
