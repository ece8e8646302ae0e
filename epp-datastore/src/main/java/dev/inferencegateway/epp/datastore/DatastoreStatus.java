package dev.inferencegateway.epp.datastore;

import java.util.Map;

/**
 * The datastore's readiness and the problems its source currently reports.
 *
 * @param synced true when the source has loaded its initial state and the pool is known
 * @param poolKnown true when the pool definition is present
 * @param endpoints the number of endpoints
 * @param problems the current problems by component (informer, file, CRD discovery), empty when healthy
 */
public record DatastoreStatus(boolean synced, boolean poolKnown, int endpoints, Map<String, String> problems) {
  public DatastoreStatus {
    problems = Map.copyOf(problems);
  }
}
