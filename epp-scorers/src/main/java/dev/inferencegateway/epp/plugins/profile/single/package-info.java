/**
 * {@code single-profile-handler}: runs the one configured profile, which is the primary.
 *
 * <ul>
 *   <li>{@code pick}: every profile on the first call, nothing once each has a result.
 *   <li>{@code processResults}: exactly one result is required (the loader rejects this handler
 *       with more than one profile); a failed profile fails scheduling with
 *       {@code failed to run scheduler profile '<name>'}.
 *   <li>Parameters: none.
 * </ul>
 */
package dev.inferencegateway.epp.plugins.profile.single;
