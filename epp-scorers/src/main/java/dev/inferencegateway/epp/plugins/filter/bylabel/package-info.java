/**
 * {@code by-label} (llm-d): keeps the endpoints whose pod label has one of the allowed values.
 *
 * <ul>
 *   <li>Behaviour: an endpoint passes when its label {@code label} has a value in
 *       {@code validValues}, or when it lacks the label and {@code allowsNoLabel} is true. The
 *       candidates' order is kept. Nothing passing leaves no candidate (the profile fails).
 *   <li>Parameters: {@code label} (required, non-blank), {@code validValues} (list, default
 *       empty), {@code allowsNoLabel} (false). An empty {@code validValues} with
 *       {@code allowsNoLabel: false} could never keep anything and is rejected.
 * </ul>
 */
package dev.inferencegateway.epp.plugins.filter.bylabel;
