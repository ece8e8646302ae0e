/**
 * Building the BBR plugin chain: {@code --plugin <type>:<name>[:<json>]} specs, the default chain,
 * and the plugin handle that gives BBR plugins their services.
 */
package dev.inferencegateway.bbr.config;
