package dev.inferencegateway.epp.datastore.kubernetes;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.Map;

/** Builds the CRDs, pools, pods, objectives and rewrites that the Kubernetes source tests create. */
final class ClusterFixtures {
  private ClusterFixtures() {}

  /** Installs the CRD of {@code kind} (cluster-wide; idempotent). */
  static void installCrd(KubernetesClient client, ResourceDefinitionContext kind) {
    String name = kind.getPlural() + "." + kind.getGroup();
    if (client.apiextensions().v1().customResourceDefinitions().withName(name).get() != null) {
      return;
    }
    CustomResourceDefinition crd = new CustomResourceDefinitionBuilder()
        .withNewMetadata().withName(name).endMetadata()
        .withNewSpec().withGroup(kind.getGroup()).withScope("Namespaced")
        .withNewNames().withKind(kind.getKind()).withPlural(kind.getPlural())
        .withSingular(kind.getKind().toLowerCase(java.util.Locale.ROOT)).endNames()
        .addNewVersion().withName(kind.getVersion()).withServed(true).withStorage(true).endVersion()
        .endSpec().build();
    client.apiextensions().v1().customResourceDefinitions().resource(crd).create();
  }

  /** Installs every CRD the EPP watches. */
  static void installAllCrds(KubernetesClient client) {
    installCrd(client, CustomResources.POOL);
    for (String group : new String[] {CustomResources.X_K8S_GROUP, CustomResources.LLMD_GROUP}) {
      installCrd(client, CustomResources.objectives(group));
      installCrd(client, CustomResources.rewrites(group));
    }
  }

  static GenericKubernetesResource parse(KubernetesClient client, String yaml) {
    return client.getKubernetesSerialization().unmarshal(yaml, GenericKubernetesResource.class);
  }

  /** Creates or replaces {@code yaml} (a custom resource of {@code kind}) in {@code namespace}. */
  static void apply(KubernetesClient client, ResourceDefinitionContext kind, String namespace, String yaml) {
    GenericKubernetesResource resource = parse(client, yaml);
    var op = client.genericKubernetesResources(kind).inNamespace(namespace);
    GenericKubernetesResource existing = op.withName(resource.getMetadata().getName()).get();
    if (existing == null) {
      op.resource(resource).create();
    } else {
      resource.getMetadata().setResourceVersion(existing.getMetadata().getResourceVersion());
      op.resource(resource).update();
    }
  }

  static void delete(KubernetesClient client, ResourceDefinitionContext kind, String namespace, String name) {
    client.genericKubernetesResources(kind).inNamespace(namespace).withName(name).delete();
  }

  static String pool(String name, String selectorYaml, String portsYaml) {
    return """
        apiVersion: inference.networking.k8s.io/v1
        kind: InferencePool
        metadata:
          name: %s
        spec:
          selector:
            matchLabels: %s
          targetPorts: %s
          endpointPickerRef:
            name: epp
            port:
              number: 9002
        """.formatted(name, selectorYaml, portsYaml);
  }

  static Pod pod(String namespace, String name, String ip, boolean ready, Map<String, String> labels,
      Map<String, String> annotations) {
    return new PodBuilder()
        .withNewMetadata().withName(name).withNamespace(namespace).withLabels(labels).withAnnotations(annotations)
        .endMetadata()
        .withNewSpec().addNewContainer().withName("vllm").withImage("vllm/vllm-openai").endContainer().endSpec()
        .withNewStatus().withPodIP(ip).withPhase("Running")
        .addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition()
        .endStatus().build();
  }

  /** Creates or replaces {@code pod}. */
  static void applyPod(KubernetesClient client, Pod pod) {
    var op = client.pods().inNamespace(pod.getMetadata().getNamespace());
    Pod existing = op.withName(pod.getMetadata().getName()).get();
    if (existing == null) {
      op.resource(pod).create();
    } else {
      pod.getMetadata().setResourceVersion(existing.getMetadata().getResourceVersion());
      op.resource(pod).update();
    }
  }
}
