/**
 * The EPP's ext_proc request and response path: one handler per stream that parses, routes through
 * the director, answers with the destination, and processes the model server's response.
 */
package dev.inferencegateway.epp.server.handler;
