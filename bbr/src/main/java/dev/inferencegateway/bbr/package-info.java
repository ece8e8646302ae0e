/** The Body-Based Router: copies request body fields into headers so that routes can match them. */
package dev.inferencegateway.bbr;
