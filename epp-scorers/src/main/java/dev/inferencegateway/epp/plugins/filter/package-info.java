/**
 * Filters and saturation detectors, one package per type. A filter never mutates its input and
 * returns either it or a new list.
 */
package dev.inferencegateway.epp.plugins.filter;
