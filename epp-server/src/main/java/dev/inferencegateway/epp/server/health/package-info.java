/** The EPP's gRPC health service and what feeds it (datastore sync, leadership, shutdown). */
package dev.inferencegateway.epp.server.health;
