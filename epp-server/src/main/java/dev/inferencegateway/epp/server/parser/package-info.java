/** The request parser plugins of the EPP and their bundle. */
package dev.inferencegateway.epp.server.parser;
