/**
 * The serving plumbing the EPP and the BBR share: the gRPC server bootstrap (netty on a port,
 * optional TLS, the health service, graceful shutdown), {@code /metrics} TokenReview and
 * SubjectAccessReview authentication, logging set-up from {@code -v} and the {@code --zap-*} flags,
 * and the build's identity.
 */
package dev.inferencegateway.extproc.server;
