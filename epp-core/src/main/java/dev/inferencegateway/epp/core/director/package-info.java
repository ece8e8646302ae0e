/**
 * The request-control director: turns a parsed request into target endpoints (model rewrite,
 * priority, admission, candidates and the subset hint, data producers, admitters, scheduling,
 * pre-request hooks), and the protocol's header and metadata keys.
 */
package dev.inferencegateway.epp.core.director;
