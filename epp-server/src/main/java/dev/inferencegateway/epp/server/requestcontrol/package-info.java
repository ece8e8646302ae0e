/** Request-control plugins that live in the server module, and their bundle. */
package dev.inferencegateway.epp.server.requestcontrol;
