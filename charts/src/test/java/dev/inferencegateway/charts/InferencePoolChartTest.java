package dev.inferencegateway.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The inferencepool chart's objects with upstream's names, arguments, ports, probes and RBAC. */
class InferencePoolChartTest {

    private static final String RELEASE = "vllm-llama3-8b-instruct";
    private static final String EPP = RELEASE + "-epp";
    private static final String NAMESPACE = "inference";

    private static Charts pool() {
        return Charts.render("inferencepool").release(RELEASE).namespace(NAMESPACE)
                .set("inferencePool.modelServers.matchLabels.app", RELEASE);
    }

    @Test
    void defaultsRenderTheEppAndThePoolOnly() {
        Manifest manifest = pool().manifest();

        ManifestChecks.assertValid(manifest, NAMESPACE);
        assertThat(manifest.summary()).containsExactlyInAnyOrder(
                "ConfigMap/" + EPP, "Deployment/" + EPP, "Service/" + EPP, "ServiceAccount/" + EPP,
                "Role/" + EPP + "-sa", "RoleBinding/" + EPP + "-sa",
                "Role/" + EPP + "-non-sa", "RoleBinding/" + EPP + "-non-sa",
                "InferencePool/" + RELEASE);
    }

    @Test
    void deploymentRunsTheEppWithUpstreamFlags() {
        JsonNode deployment = pool().manifest().get("Deployment", EPP);
        JsonNode epp = Manifest.container(deployment, "epp");

        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(1);
        assertThat(deployment.at("/spec/strategy/type").asText()).isEqualTo("Recreate");
        assertThat(deployment.at("/spec/template/spec/terminationGracePeriodSeconds").asInt()).isEqualTo(130);
        assertThat(deployment.at("/spec/template/spec/serviceAccountName").asText()).isEqualTo(EPP);
        assertThat(deployment.at("/spec/template/metadata/labels/inferencepool").asText()).isEqualTo(EPP);
        assertThat(deployment.at("/spec/template/metadata/labels").path("inference.networking.k8s.io/igw-mode").asText())
                .isEqualTo("inferencepool");
        assertThat(epp.path("image").asText()).isEqualTo("ghcr.io/inference-gateway/epp:0.1.0");
        assertThat(Manifest.texts(epp.path("args"))).containsExactly(
                "--pool-name", RELEASE,
                "--pool-namespace", NAMESPACE,
                "--pool-group", "inference.networking.k8s.io",
                "--zap-encoder", "json",
                "--config-file", "/config/default-plugins.yaml",
                "--tracing=false");
    }

    @Test
    void containerPortsProbesEnvAndConfigVolume() {
        JsonNode deployment = pool().manifest().get("Deployment", EPP);
        JsonNode epp = Manifest.container(deployment, "epp");

        assertThat(epp.path("ports").toString()).isEqualTo(
                "[{\"name\":\"grpc\",\"containerPort\":9002},{\"name\":\"grpc-health\",\"containerPort\":9003},"
                        + "{\"name\":\"metrics\",\"containerPort\":9090}]");
        assertThat(epp.at("/livenessProbe/grpc/port").asInt()).isEqualTo(9003);
        assertThat(epp.at("/livenessProbe/grpc/service").asText()).isEqualTo("inference-extension");
        assertThat(epp.at("/livenessProbe/initialDelaySeconds").asInt()).isEqualTo(5);
        assertThat(epp.at("/livenessProbe/periodSeconds").asInt()).isEqualTo(10);
        assertThat(epp.at("/readinessProbe/grpc/port").asInt()).isEqualTo(9003);
        assertThat(epp.at("/readinessProbe/grpc/service").asText()).isEqualTo("inference-extension");
        assertThat(epp.at("/readinessProbe/periodSeconds").asInt()).isEqualTo(2);
        assertThat(epp.at("/env/0/name").asText()).isEqualTo("NAMESPACE");
        assertThat(epp.at("/env/0/valueFrom/fieldRef/fieldPath").asText()).isEqualTo("metadata.namespace");
        assertThat(epp.at("/env/1/name").asText()).isEqualTo("POD_NAME");
        assertThat(epp.at("/env/1/valueFrom/fieldRef/fieldPath").asText()).isEqualTo("metadata.name");
        assertThat(epp.at("/volumeMounts/0/name").asText()).isEqualTo("plugins-config-volume");
        assertThat(epp.at("/volumeMounts/0/mountPath").asText()).isEqualTo("/config");
        assertThat(deployment.at("/spec/template/spec/volumes/0/configMap/name").asText()).isEqualTo(EPP);
        assertThat(epp.at("/resources/requests/cpu").asText()).isEqualTo("4");
        assertThat(epp.at("/resources/requests/memory").asText()).isEqualTo("8Gi");
        assertThat(epp.at("/resources/limits/memory").asText()).isEqualTo("16Gi");
        assertThat(epp.at("/resources/limits/cpu").isMissingNode()).isTrue();
        assertThat(epp.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
    }

    @Test
    void serviceExposesExtProcAndMetrics() {
        JsonNode service = pool().manifest().get("Service", EPP);

        assertThat(service.at("/spec/type").asText()).isEqualTo("ClusterIP");
        assertThat(service.at("/spec/selector/inferencepool").asText()).isEqualTo(EPP);
        assertThat(service.at("/spec/ports/0/name").asText()).isEqualTo("grpc-ext-proc");
        assertThat(service.at("/spec/ports/0/port").asInt()).isEqualTo(9002);
        assertThat(service.at("/spec/ports/1/name").asText()).isEqualTo("http-metrics");
        assertThat(service.at("/spec/ports/1/port").asInt()).isEqualTo(9090);
    }

    @Test
    void rbacIsNamespacedAndReadOnly() {
        Manifest manifest = pool().manifest();

        assertThat(manifest.ofKind("ClusterRole")).isEmpty();
        assertThat(manifest.ofKind("ClusterRoleBinding")).isEmpty();
        JsonNode pods = manifest.get("Role", EPP + "-sa").path("rules");
        assertThat(pods.toString()).isEqualTo(
                "[{\"apiGroups\":[\"\"],\"resources\":[\"pods\"],\"verbs\":[\"get\",\"watch\",\"list\"]}]");
        JsonNode crds = manifest.get("Role", EPP + "-non-sa").path("rules");
        assertThat(Manifest.texts(crds.at("/0/apiGroups")))
                .containsExactly("inference.networking.x-k8s.io", "llm-d.ai");
        assertThat(Manifest.texts(crds.at("/0/resources")))
                .containsExactly("inferenceobjectives", "inferencemodelrewrites");
        assertThat(Manifest.texts(crds.at("/1/apiGroups"))).containsExactly("inference.networking.k8s.io");
        assertThat(Manifest.texts(crds.at("/1/resources"))).containsExactly("inferencepools");
        for (JsonNode rule : crds) {
            assertThat(Manifest.texts(rule.path("verbs"))).containsExactly("get", "watch", "list");
        }
        JsonNode binding = manifest.get("RoleBinding", EPP + "-non-sa");
        assertThat(binding.at("/subjects/0/name").asText()).isEqualTo(EPP);
        assertThat(binding.at("/subjects/0/namespace").asText()).isEqualTo(NAMESPACE);
    }

    @Test
    void inferencePoolSelectsTheModelServersAndPointsAtTheEpp() {
        JsonNode spec = pool().manifest().get("InferencePool", RELEASE);

        assertThat(spec.path("apiVersion").asText()).isEqualTo("inference.networking.k8s.io/v1");
        assertThat(spec.at("/spec/selector/matchLabels").toString()).isEqualTo("{\"app\":\"" + RELEASE + "\"}");
        assertThat(spec.at("/spec/targetPorts").toString()).isEqualTo("[{\"number\":8000}]");
        assertThat(spec.at("/spec/appProtocol").asText()).isEqualTo("http");
        assertThat(spec.at("/spec/endpointPickerRef/name").asText()).isEqualTo(EPP);
        assertThat(spec.at("/spec/endpointPickerRef/port/number").asInt()).isEqualTo(9002);
        assertThat(spec.at("/spec/endpointPickerRef/failureMode").asText()).isEqualTo("FailOpen");
    }

    @Test
    void missingMatchLabelsFailsWithUpstreamMessage() {
        String message = Charts.render("inferencepool").release(RELEASE).failure();

        assertThat(message).contains(".Values.inferencePool.modelServers.matchLabels is required");
    }

    @Test
    void longReleaseNamesAreCutToFortyCharactersBeforeTheSuffix() {
        String release = "a-release-name-longer-than-forty-characters-x";
        Manifest manifest = Charts.render("inferencepool").release(release)
                .set("inferencePool.modelServers.matchLabels.app", "x").manifest();

        ManifestChecks.assertValid(manifest, "default");
        assertThat(manifest.find("Deployment", release.substring(0, 40) + "-epp")).isPresent();
    }

    @Test
    void extProcPortIsTheServicePortTheInferencePoolNames() {
        Manifest manifest = pool().set("inferenceExtension.extProcPort", 9102)
                .set("inferenceExtension.failureMode", "FailClose").manifest();

        ManifestChecks.assertValid(manifest, NAMESPACE);
        assertThat(manifest.get("Service", EPP).at("/spec/ports/0/port").asInt()).isEqualTo(9102);
        assertThat(manifest.get("Service", EPP).at("/spec/ports/0/targetPort").asText()).isEqualTo("grpc");
        JsonNode ref = manifest.get("InferencePool", RELEASE).at("/spec/endpointPickerRef");
        assertThat(ref.at("/port/number").asInt()).isEqualTo(9102);
        assertThat(ref.path("failureMode").asText()).isEqualTo("FailClose");
    }

    @Test
    void flagsRenderAsKeyEqualsValueAfterTheFixedArguments() {
        List<String> args = Manifest.texts(Manifest.container(pool()
                .set("inferenceExtension.flags.v", 4)
                .set("inferenceExtension.flags.secure-serving", false)
                .values("inferenceExtension:\n  flags:\n    grpc-max-recv-msg-size: 104857600\n")
                .manifest().get("Deployment", EPP), "epp").path("args"));

        assertThat(args).endsWith("--tracing=false", "--grpc-max-recv-msg-size=104857600",
                "--secure-serving=false", "--v=4");
    }

    @Test
    void metricsAuthOffAndTracingOnChangeFlagsAndEnvironment() {
        JsonNode epp = Manifest.container(pool()
                .set("inferenceExtension.monitoring.prometheus.auth.enabled", false)
                .set("inferenceExtension.tracing.enabled", true)
                .set("inferenceExtension.tracing.otelExporterEndpoint", "http://otel:4317")
                .manifest().get("Deployment", EPP), "epp");

        assertThat(Manifest.texts(epp.path("args"))).contains("--tracing=true", "--metrics-endpoint-auth=false");
        assertThat(epp.path("env").toString())
                .contains("{\"name\":\"OTEL_SERVICE_NAME\",\"value\":\"gateway-api-inference-extension/epp\"}")
                .contains("{\"name\":\"OTEL_EXPORTER_OTLP_ENDPOINT\",\"value\":\"http://otel:4317\"}")
                .contains("{\"name\":\"OTEL_TRACES_SAMPLER\",\"value\":\"parentbased_traceidratio\"}")
                .contains("{\"name\":\"OTEL_TRACES_SAMPLER_ARG\",\"value\":\"0.1\"}");
    }

    @Test
    void userEnvVolumesAndPortsArePassedThrough() {
        Manifest manifest = pool().values("""
                inferenceExtension:
                  env:
                  - name: JAVA_TOOL_OPTIONS
                    value: -Xmx2g
                  extraContainerPorts:
                  - name: debug
                    containerPort: 5005
                  extraServicePorts:
                  - name: debug
                    port: 5005
                    targetPort: debug
                  volumes:
                  - name: certs
                    secret:
                      secretName: epp-certs
                  volumeMounts:
                  - name: certs
                    mountPath: /certs
                  tolerations:
                  - key: dedicated
                    operator: Exists
                """).manifest();

        ManifestChecks.assertValid(manifest, NAMESPACE);
        JsonNode deployment = manifest.get("Deployment", EPP);
        JsonNode epp = Manifest.container(deployment, "epp");
        assertThat(epp.path("env").toString()).contains("{\"name\":\"JAVA_TOOL_OPTIONS\",\"value\":\"-Xmx2g\"}");
        assertThat(epp.at("/ports/3/name").asText()).isEqualTo("debug");
        assertThat(epp.at("/ports/3/containerPort").asInt()).isEqualTo(5005);
        assertThat(epp.path("volumeMounts").toString()).contains("\"mountPath\":\"/certs\"");
        assertThat(deployment.at("/spec/template/spec/tolerations/0/key").asText()).isEqualTo("dedicated");
        assertThat(manifest.get("Service", EPP).at("/spec/ports/2/name").asText()).isEqualTo("debug");
    }

    @Test
    void inferenceObjectivesReferToThePool() {
        Manifest manifest = pool().values("""
                inferenceObjectives:
                - name: critical-chat
                  priority: 10
                - name: batch
                  priority: -1
                - name: unset
                """).manifest();

        ManifestChecks.assertValid(manifest, NAMESPACE);
        JsonNode critical = manifest.get("InferenceObjective", "critical-chat");
        assertThat(critical.path("apiVersion").asText()).isEqualTo("inference.networking.x-k8s.io/v1alpha2");
        assertThat(critical.at("/spec/priority").asInt()).isEqualTo(10);
        assertThat(critical.at("/spec/poolRef/group").asText()).isEqualTo("inference.networking.k8s.io");
        assertThat(critical.at("/spec/poolRef/name").asText()).isEqualTo(RELEASE);
        assertThat(manifest.get("InferenceObjective", "batch").at("/spec/priority").asInt()).isEqualTo(-1);
        assertThat(manifest.get("InferenceObjective", "unset").at("/spec/priority").isMissingNode()).isTrue();
    }

    @Test
    void objectiveWithoutNameIsRejected() {
        assertThat(pool().values("inferenceObjectives:\n- priority: 3\n").failure())
                .contains(".Values.inferenceObjectives[0].name is required");
    }

    @Test
    void unsupportedValuesAreRejectedWithTheValueNamed() {
        assertThat(pool().set("inferencePool.apiVersion", "inference.networking.x-k8s.io/v1alpha2").failure())
                .contains(".Values.inferencePool.apiVersion must be inference.networking.k8s.io/v1");
        assertThat(pool().set("provider.name", "nginx").failure())
                .contains(".Values.provider.name must be one of none, gke, istio; got \"nginx\"");
        assertThat(pool().set("inferenceExtension.latencyPredictor.enabled", true).failure())
                .contains(".Values.inferenceExtension.latencyPredictor.enabled is not supported");
        assertThat(pool().set("inferenceExtension.failureMode", "Open").failure())
                .contains(".Values.inferenceExtension.failureMode must be FailOpen or FailClose");
        assertThat(pool().set("inferencePool.modelServerType", "tgi").failure())
                .contains("the model server type must be one of vllm, sglang, triton-tensorrt-llm, trtllm-serve");
    }
}
