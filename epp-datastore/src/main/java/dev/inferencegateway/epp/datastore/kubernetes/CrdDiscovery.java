package dev.inferencegateway.epp.datastore.kubernetes;

import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/** Asks the API server whether a custom resource is served. */
final class CrdDiscovery {
  private CrdDiscovery() {}

  /**
   * Returns true when {@code context}'s group/version serves its plural.
   *
   * @throws KubernetesClientException when discovery itself fails (other than 404)
   */
  static boolean served(KubernetesClient client, ResourceDefinitionContext context) {
    try {
      APIResourceList list = client.getApiResources(context.getGroup() + "/" + context.getVersion());
      return list != null && list.getResources() != null
          && list.getResources().stream().anyMatch(r -> context.getPlural().equals(r.getName()));
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return false;
      }
      throw e;
    }
  }
}
