/**
 * Bootstrap of the gRPC servers of the EPP and the BBR: netty on a port, optional TLS, the health
 * service, and graceful shutdown.
 */
package dev.inferencegateway.extproc.server;
