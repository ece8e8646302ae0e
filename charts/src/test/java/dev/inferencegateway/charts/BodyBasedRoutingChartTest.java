package dev.inferencegateway.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The body-based-routing chart: BBR's flags and plugins, ConfigMap RBAC scope, provider hookups. */
class BodyBasedRoutingChartTest {

    private static final String NAMESPACE = "gateway";
    private static final String BBR = "body-based-router";

    private static final String METRICS_AUTH_ROLE = BBR + "-" + BBR + "-" + NAMESPACE + "-metrics-auth";

    private static Charts bbr() {
        return Charts.render("body-based-routing").release(BBR).namespace(NAMESPACE);
    }

    private static JsonNode container(Manifest manifest) {
        return Manifest.container(manifest.get("Deployment", BBR), "bbr");
    }

    @Test
    void deploymentStreamsAndRunsTheDefaultPluginChain() {
        Manifest manifest = bbr().manifest();

        ManifestChecks.assertValid(manifest, NAMESPACE);
        JsonNode bbr = container(manifest);
        assertThat(bbr.path("image").asText()).isEqualTo("ghcr.io/inference-gateway/bbr:0.1.0");
        assertThat(Manifest.texts(bbr.path("args"))).containsExactly(
                "--streaming",
                "--v=3",
                "--plugin",
                "body-field-to-header:model-extractor:{\"fieldName\":\"model\",\"headerName\":\"X-Gateway-Model-Name\"}",
                "--plugin",
                "base-model-to-header:base-model-mapper",
                "--tracing=false");
        assertThat(bbr.path("ports").toString()).isEqualTo("[{\"name\":\"grpc\",\"containerPort\":9004},"
                + "{\"name\":\"grpc-health\",\"containerPort\":9005},{\"name\":\"metrics\",\"containerPort\":9090}]");
        assertThat(bbr.at("/readinessProbe/grpc/port").asInt()).isEqualTo(9005);
        assertThat(bbr.at("/livenessProbe/grpc/port").asInt()).isEqualTo(9005);
        JsonNode service = manifest.get("Service", BBR);
        assertThat(service.at("/spec/ports/0/port").asInt()).isEqualTo(9004);
        assertThat(service.at("/spec/ports/0/appProtocol").asText()).isEqualTo("HTTP2");
        assertThat(manifest.get("Deployment", BBR).at("/spec/template/spec/serviceAccountName").asText())
                .isEqualTo(BBR + "-" + BBR);
    }

    @Test
    void singleNamespaceReadsConfigMapsThroughARoleAndTheNamespaceVariable() {
        Manifest manifest = bbr().manifest();

        assertThat(container(manifest).path("env").toString()).isEqualTo("[{\"name\":\"NAMESPACE\",\"valueFrom\":"
                + "{\"fieldRef\":{\"fieldPath\":\"metadata.namespace\"}}}]");
        assertThat(manifest.ofKind("ClusterRole")).extracting(r -> r.at("/metadata/name").asText())
                .containsExactly(METRICS_AUTH_ROLE);
        JsonNode role = manifest.only("Role");
        assertThat(role.at("/metadata/namespace").asText()).isEqualTo(NAMESPACE);
        assertThat(role.path("rules").toString()).isEqualTo(
                "[{\"apiGroups\":[\"\"],\"resources\":[\"configmaps\"],\"verbs\":[\"get\",\"list\",\"watch\"]}]");
        assertThat(manifest.only("RoleBinding").at("/subjects/0/name").asText()).isEqualTo(BBR + "-" + BBR);
    }

    @Test
    void metricsEndpointAuthMayCreateTokenAndAccessReviews() {
        Manifest manifest = bbr().manifest();

        assertThat(manifest.get("ClusterRole", METRICS_AUTH_ROLE).path("rules").toString()).isEqualTo(
                "[{\"apiGroups\":[\"authentication.k8s.io\"],\"resources\":[\"tokenreviews\"],"
                        + "\"verbs\":[\"create\"]},{\"apiGroups\":[\"authorization.k8s.io\"],"
                        + "\"resources\":[\"subjectaccessreviews\"],\"verbs\":[\"create\"]}]");
        JsonNode binding = manifest.get("ClusterRoleBinding", METRICS_AUTH_ROLE);
        assertThat(binding.at("/subjects/0/name").asText()).isEqualTo(BBR + "-" + BBR);
        assertThat(binding.at("/roleRef/name").asText()).isEqualTo(METRICS_AUTH_ROLE);
    }

    @Test
    void metricsEndpointAuthOffNeedsNoReviewRights() {
        Manifest manifest = bbr().set("bbr.flags.metrics-endpoint-auth", false).manifest();

        assertThat(Manifest.texts(container(manifest).path("args"))).contains("--metrics-endpoint-auth=false");
        assertThat(manifest.ofKind("ClusterRole")).isEmpty();
        assertThat(manifest.ofKind("ClusterRoleBinding")).isEmpty();
    }

    @Test
    void multiNamespaceReadsConfigMapsClusterWide() {
        Manifest manifest = bbr().set("bbr.multiNamespace", true).manifest();

        ManifestChecks.assertValid(manifest, NAMESPACE);
        assertThat(container(manifest).has("env")).isFalse();
        assertThat(manifest.ofKind("Role")).isEmpty();
        assertThat(manifest.ofKind("RoleBinding")).isEmpty();
        JsonNode role = manifest.get("ClusterRole", BBR + "-" + BBR + "-" + NAMESPACE + "-configmap-reader");
        assertThat(role.path("rules").toString()).isEqualTo(
                "[{\"apiGroups\":[\"\"],\"resources\":[\"configmaps\"],\"verbs\":[\"get\",\"list\",\"watch\"]}]");
        JsonNode binding = manifest.get("ClusterRoleBinding", BBR + "-" + BBR + "-" + NAMESPACE + "-configmap-reader");
        assertThat(binding.at("/roleRef/name").asText()).isEqualTo(role.at("/metadata/name").asText());
        assertThat(binding.at("/subjects/0/namespace").asText()).isEqualTo(NAMESPACE);
    }

    @Test
    void istioInsertsTheExtProcFilterFirstOnTheGateway() {
        Manifest manifest = bbr().set("provider.name", "istio").manifest();

        JsonNode filter = manifest.get("EnvoyFilter", BBR);
        assertThat(filter.at("/spec/targetRefs/0/name").asText()).isEqualTo("inference-gateway");
        JsonNode patch = filter.at("/spec/configPatches/0");
        assertThat(patch.path("applyTo").asText()).isEqualTo("HTTP_FILTER");
        assertThat(patch.at("/match/listener/filterChain/filter/name").asText())
                .isEqualTo("envoy.filters.network.http_connection_manager");
        assertThat(patch.at("/match/listener/filterChain/filter/subFilter").isMissingNode()).isTrue();
        assertThat(patch.at("/patch/operation").asText()).isEqualTo("INSERT_FIRST");
        JsonNode value = patch.at("/patch/value");
        assertThat(value.path("name").asText()).isEqualTo("envoy.filters.http.ext_proc.bbr");
        JsonNode extProc = value.path("typed_config");
        assertThat(extProc.path("failure_mode_allow").asBoolean(true)).isFalse();
        assertThat(extProc.path("allow_mode_override").asBoolean()).isTrue();
        assertThat(extProc.path("processing_mode").toString()).isEqualTo("{\"request_header_mode\":\"SEND\","
                + "\"response_header_mode\":\"SEND\",\"request_body_mode\":\"FULL_DUPLEX_STREAMED\","
                + "\"response_body_mode\":\"FULL_DUPLEX_STREAMED\",\"request_trailer_mode\":\"SEND\","
                + "\"response_trailer_mode\":\"SEND\"}");
        assertThat(extProc.at("/grpc_service/envoy_grpc/cluster_name").asText())
                .isEqualTo("outbound|9004||" + BBR + "." + NAMESPACE + ".svc.cluster.local");
        JsonNode rule = manifest.get("DestinationRule", BBR);
        assertThat(rule.at("/spec/host").asText()).isEqualTo(BBR + "." + NAMESPACE + ".svc.cluster.local");
        assertThat(rule.at("/spec/trafficPolicy/tls").toString())
                .isEqualTo("{\"mode\":\"SIMPLE\",\"insecureSkipVerify\":true}");
    }

    @Test
    void istioFilterCanBeAnchoredAndResponseEventsTurnedOff() {
        JsonNode patch = bbr().set("provider.name", "istio")
                .set("provider.istio.envoyFilter.operation", "INSERT_AFTER")
                .set("provider.istio.envoyFilter.anchorSubFilter", "extensions.istio.io/wasmplugin/auth")
                .set("provider.supportedEvents.responseHeaders", false)
                .set("provider.supportedEvents.responseBody", false)
                .set("provider.supportedEvents.responseTrailers", false)
                .manifest().get("EnvoyFilter", BBR).at("/spec/configPatches/0");

        assertThat(patch.at("/match/listener/filterChain/filter/subFilter/name").asText())
                .isEqualTo("extensions.istio.io/wasmplugin/auth");
        assertThat(patch.at("/patch/operation").asText()).isEqualTo("INSERT_AFTER");
        JsonNode mode = patch.at("/patch/value/typed_config/processing_mode");
        assertThat(mode.path("response_header_mode").asText()).isEqualTo("SKIP");
        assertThat(mode.path("response_body_mode").asText()).isEqualTo("NONE");
        assertThat(mode.path("response_trailer_mode").asText()).isEqualTo("SKIP");
        assertThat(mode.path("request_body_mode").asText()).isEqualTo("FULL_DUPLEX_STREAMED");
    }

    @Test
    void gkeRoutingExtensionCallsBbrBeforeRouteSelection() {
        Manifest manifest = bbr().set("provider.name", "gke").manifest();

        ManifestChecks.assertValid(manifest, NAMESPACE);
        JsonNode extension = manifest.get("GCPRoutingExtension", BBR);
        assertThat(extension.at("/spec/targetRefs/0/name").asText()).isEqualTo("inference-gateway");
        JsonNode ext = extension.at("/spec/extensionChains/0/extensions/0");
        assertThat(ext.path("timeout").asText()).isEqualTo("1s");
        assertThat(Manifest.texts(ext.path("supportedEvents")))
                .containsExactly("RequestHeaders", "RequestBody", "RequestTrailers");
        assertThat(ext.path("requestBodySendMode").asText()).isEqualTo("FullDuplexStreamed");
        assertThat(ext.path("backendRef").toString())
                .isEqualTo("{\"group\":\"\",\"kind\":\"Service\",\"name\":\"" + BBR + "\",\"port\":9004}");
        JsonNode health = manifest.get("HealthCheckPolicy", BBR + "-healthcheck");
        assertThat(health.at("/spec/default/config/type").asText()).isEqualTo("GRPC");
        assertThat(health.at("/spec/default/config/grpcHealthCheck/port").asInt()).isEqualTo(9005);
        assertThat(health.at("/spec/targetRef/name").asText()).isEqualTo(BBR);
    }

    @Test
    void customPluginsFlagsPortsAndTracing() {
        Manifest manifest = bbr().values("""
                bbr:
                  port: 9104
                  flags:
                    v: 5
                    secure-serving: false
                  plugins:
                  - type: body-field-to-header
                    name: tenant
                    json:
                      fieldName: user
                      headerName: X-Tenant
                  tracing:
                    enabled: true
                """).manifest();

        ManifestChecks.assertValid(manifest, NAMESPACE);
        JsonNode bbr = container(manifest);
        List<String> args = Manifest.texts(bbr.path("args"));
        assertThat(args).containsExactly("--streaming", "--grpc-port=9104", "--secure-serving=false", "--v=5",
                "--plugin", "body-field-to-header:tenant:{\"fieldName\":\"user\",\"headerName\":\"X-Tenant\"}",
                "--tracing=true");
        assertThat(bbr.path("env").toString()).contains("{\"name\":\"OTEL_SERVICE_NAME\","
                + "\"value\":\"gateway-api-inference-extension/bbr\"}");
        assertThat(manifest.get("Service", BBR).at("/spec/ports/0/port").asInt()).isEqualTo(9104);
    }

    @Test
    void invalidValuesAreRejectedWithTheValueNamed() {
        assertThat(bbr().set("bbr.healthCheckPort", 9004).failure())
                .contains(".Values.bbr.port, .Values.bbr.healthCheckPort and .Values.bbr.metricsPort must be distinct");
        assertThat(bbr().set("provider.name", "istio").set("provider.istio.envoyFilter.operation", "INSERT_BEFORE")
                .failure()).contains(".Values.provider.istio.envoyFilter.anchorSubFilter is required with operation "
                        + "INSERT_BEFORE");
        assertThat(bbr().set("provider.name", "istio").set("provider.supportedEvents.requestTrailers", false)
                .failure()).contains(".Values.provider.supportedEvents.requestTrailers must be true");
        assertThat(bbr().values("bbr:\n  plugins:\n  - type: base-model-to-header\n").failure())
                .contains(".Values.bbr.plugins[0] needs both type and name");
        assertThat(bbr().set("provider.name", "kgateway").failure())
                .contains(".Values.provider.name must be one of none, gke, istio");
    }
}
