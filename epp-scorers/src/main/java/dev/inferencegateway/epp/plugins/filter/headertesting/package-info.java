/**
 * {@code header-based-testing-filter}: lets a test choose the endpoints, as the upstream
 * conformance suite does.
 *
 * <ul>
 *   <li>Header {@code test-epp-endpoint-selection}: a comma-separated list of {@code IP} or
 *       {@code IP:port}; IPv6 with or without brackets ({@code fd00::1}, {@code [fd00::1]},
 *       {@code [fd00::1]:8000}).
 *   <li>Result: the candidates named by the header, in header order, each once. An entry with a
 *       port matches that address and port only; a bare address matches every candidate at that
 *       address. Entries matching no candidate are skipped. No header, or a blank one, keeps
 *       nothing (the profile then fails, as upstream).
 *   <li>Parameters: none. For tests and conformance only: any client could steer its request.
 * </ul>
 */
package dev.inferencegateway.epp.plugins.filter.headertesting;
