package dev.inferencegateway.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The inferencepool chart's gateway-provider objects (GKE, Istio), HTTPRoute and monitoring. */
class ProvidersTest {

    private static final String RELEASE = "vllm-deepseek-r1";
    private static final String EPP = RELEASE + "-epp";
    private static final String NAMESPACE = "models";

    private static Charts pool(String provider) {
        return Charts.render("inferencepool").release(RELEASE).namespace(NAMESPACE)
                .set("inferencePool.modelServers.matchLabels.app", RELEASE)
                .set("provider.name", provider);
    }

    @Test
    void gkeHealthChecksTheModelServersAndSetsTheBackendTimeout() {
        Manifest manifest = pool("gke").manifest();

        ManifestChecks.assertValid(manifest, NAMESPACE);
        JsonNode health = manifest.get("HealthCheckPolicy", RELEASE);
        assertThat(health.path("apiVersion").asText()).isEqualTo("networking.gke.io/v1");
        assertThat(health.at("/spec/targetRef").toString()).isEqualTo(
                "{\"group\":\"inference.networking.k8s.io\",\"kind\":\"InferencePool\",\"name\":\"" + RELEASE + "\"}");
        assertThat(health.at("/spec/default/timeoutSec").asInt()).isEqualTo(2);
        assertThat(health.at("/spec/default/checkIntervalSec").asInt()).isEqualTo(2);
        assertThat(health.at("/spec/default/config/type").asText()).isEqualTo("HTTP");
        assertThat(health.at("/spec/default/config/httpHealthCheck/requestPath").asText()).isEqualTo("/health");
        assertThat(health.at("/spec/default/config/httpHealthCheck/port").asInt()).isEqualTo(8000);
        JsonNode backend = manifest.get("GCPBackendPolicy", RELEASE);
        assertThat(backend.at("/spec/targetRef/kind").asText()).isEqualTo("InferencePool");
        assertThat(backend.at("/spec/default/timeoutSec").asInt()).isEqualTo(300);
        assertThat(backend.at("/spec/default/logging/enabled").asBoolean()).isTrue();
    }

    @Test
    void gkeHealthCheckUsesGrpcForGrpcModelServers() {
        JsonNode config = pool("gke").set("inferencePool.modelServerProtocol", "grpc")
                .set("inferencePool.targetPorts[0].number", 50051)
                .manifest().get("HealthCheckPolicy", RELEASE).at("/spec/default/config");

        assertThat(config.path("type").asText()).isEqualTo("GRPC");
        assertThat(config.at("/grpcHealthCheck/port").asInt()).isEqualTo(50051);
        assertThat(config.at("/grpcHealthCheck/grpcServiceName").asText()).isEqualTo("vllm.grpc.engine.VllmEngine");
    }

    @Test
    void istioDestinationRuleAcceptsTheEppSelfSignedCertificate() {
        Manifest manifest = pool("istio").manifest();

        ManifestChecks.assertValid(manifest, NAMESPACE);
        JsonNode rule = manifest.get("DestinationRule", EPP);
        assertThat(rule.path("apiVersion").asText()).isEqualTo("networking.istio.io/v1beta1");
        assertThat(rule.at("/spec/host").asText()).isEqualTo(EPP + "." + NAMESPACE + ".svc.cluster.local");
        assertThat(rule.at("/spec/trafficPolicy/tls").toString())
                .isEqualTo("{\"mode\":\"SIMPLE\",\"insecureSkipVerify\":true}");
        assertThat(rule.at("/spec/trafficPolicy/connectionPool").isMissingNode()).isTrue();
    }

    @Test
    void istioHostAndConnectionPoolCanBeSet() {
        JsonNode rule = pool("istio").values("""
                provider:
                  istio:
                    destinationRule:
                      host: epp.example.internal
                      trafficPolicy:
                        connectionPool:
                          http:
                            maxRequestsPerConnection: 256000
                """).manifest().get("DestinationRule", EPP);

        assertThat(rule.at("/spec/host").asText()).isEqualTo("epp.example.internal");
        assertThat(rule.at("/spec/trafficPolicy/connectionPool/http/maxRequestsPerConnection").asInt())
                .isEqualTo(256000);
        assertThat(rule.at("/spec/trafficPolicy/tls/mode").asText()).isEqualTo("SIMPLE");
    }

    @Test
    void providerNamesAreCaseInsensitive() {
        assertThat(pool("GKE").manifest().find("HealthCheckPolicy", RELEASE)).isPresent();
    }

    @Test
    void httpRouteMatchesTheBaseModelHeaderAndTimesOut() {
        Manifest manifest = pool("istio")
                .set("experimentalHttpRoute.enabled", true)
                .set("experimentalHttpRoute.baseModel", "deepseek/vllm-deepseek-r1")
                .set("experimentalHttpRoute.inferenceGatewayNamespace", "gateways")
                .set("experimentalHttpRoute.headerMatches.x-tenant", "blue")
                .manifest();

        JsonNode route = manifest.get("HTTPRoute", RELEASE);
        assertThat(route.path("apiVersion").asText()).isEqualTo("gateway.networking.k8s.io/v1");
        assertThat(route.at("/spec/parentRefs/0").toString()).isEqualTo("{\"group\":\"gateway.networking.k8s.io\","
                + "\"kind\":\"Gateway\",\"name\":\"inference-gateway\",\"namespace\":\"gateways\"}");
        JsonNode rule = route.at("/spec/rules/0");
        assertThat(rule.at("/backendRefs/0").toString()).isEqualTo(
                "{\"group\":\"inference.networking.k8s.io\",\"kind\":\"InferencePool\",\"name\":\"" + RELEASE + "\"}");
        assertThat(rule.at("/matches/0/path").toString()).isEqualTo("{\"type\":\"PathPrefix\",\"value\":\"/\"}");
        assertThat(rule.at("/matches/0/headers").toString()).isEqualTo(
                "[{\"type\":\"Exact\",\"name\":\"X-Gateway-Base-Model-Name\",\"value\":\"deepseek/vllm-deepseek-r1\"},"
                        + "{\"type\":\"Exact\",\"name\":\"x-tenant\",\"value\":\"blue\"}]");
        assertThat(rule.at("/timeouts/request").asText()).isEqualTo("300s");
    }

    @Test
    void httpRouteOnGkeLeavesTheTimeoutToTheBackendPolicy() {
        JsonNode rule = pool("gke").set("experimentalHttpRoute.enabled", true).manifest()
                .get("HTTPRoute", RELEASE).at("/spec/rules/0");

        assertThat(rule.has("timeouts")).isFalse();
        assertThat(rule.at("/matches/0/headers").isMissingNode()).isTrue();
    }

    @Test
    void prometheusMonitoringAddsServiceMonitorTokenAndMetricsAuthRbac() {
        Manifest manifest = pool("none").set("inferenceExtension.monitoring.prometheus.enabled", true)
                .set("inferenceExtension.monitoring.prometheus.extraLabels.release", "kube-prometheus")
                .manifest();

        ManifestChecks.assertValid(manifest, NAMESPACE);
        String clusterName = RELEASE + "-" + NAMESPACE + "-epp";
        JsonNode role = manifest.get("ClusterRole", clusterName);
        assertThat(role.path("rules").toString()).isEqualTo(
                "[{\"apiGroups\":[\"authentication.k8s.io\"],\"resources\":[\"tokenreviews\"],\"verbs\":[\"create\"]},"
                        + "{\"apiGroups\":[\"authorization.k8s.io\"],\"resources\":[\"subjectaccessreviews\"],"
                        + "\"verbs\":[\"create\"]},{\"nonResourceURLs\":[\"/metrics\"],\"verbs\":[\"get\"]}]");
        assertThat(manifest.get("ClusterRoleBinding", clusterName).at("/subjects/0/name").asText()).isEqualTo(EPP);
        JsonNode secret = manifest.get("Secret", "inference-gateway-sa-metrics-reader-secret");
        assertThat(secret.path("type").asText()).isEqualTo("kubernetes.io/service-account-token");
        assertThat(secret.at("/metadata/annotations").path("kubernetes.io/service-account.name").asText())
                .isEqualTo(EPP);
        JsonNode monitor = manifest.get("ServiceMonitor", EPP + "-monitor");
        assertThat(monitor.at("/metadata/labels/release").asText()).isEqualTo("kube-prometheus");
        assertThat(monitor.at("/spec/endpoints/0/port").asText()).isEqualTo("http-metrics");
        assertThat(monitor.at("/spec/endpoints/0/interval").asText()).isEqualTo("10s");
        assertThat(monitor.at("/spec/endpoints/0/authorization/credentials/name").asText())
                .isEqualTo("inference-gateway-sa-metrics-reader-secret");
        assertThat(monitor.at("/spec/selector/matchLabels").path("app.kubernetes.io/name").asText()).isEqualTo(EPP);
        assertThat(manifest.get("Service", EPP).at("/metadata/labels").path("app.kubernetes.io/name").asText())
                .isEqualTo(EPP);
    }

    @Test
    void gkeMonitoringUsesManagedPrometheus() {
        Manifest manifest = pool("gke").set("inferenceExtension.monitoring.prometheus.enabled", true)
                .set("provider.gke.autopilot", true).manifest();

        ManifestChecks.assertValid(manifest, NAMESPACE);
        assertThat(manifest.ofKind("ServiceMonitor")).isEmpty();
        JsonNode monitoring = manifest.get("PodMonitoring", EPP);
        assertThat(monitoring.at("/spec/endpoints/0/port").asText()).isEqualTo("metrics");
        assertThat(monitoring.at("/spec/endpoints/0/authorization/credentials/secret/name").asText())
                .isEqualTo(EPP + "-metrics-reader-secret");
        assertThat(monitoring.at("/spec/selector/matchLabels/inferencepool").asText()).isEqualTo(EPP);
        assertThat(manifest.get("ServiceAccount", EPP + "-metrics-reader")).isNotNull();
        JsonNode collector = manifest.ofKind("RoleBinding").stream()
                .filter(b -> b.at("/subjects/0/name").asText().equals("collector")).findFirst().orElseThrow();
        assertThat(collector.at("/subjects/0/namespace").asText()).isEqualTo("gke-gmp-system");
    }

    @Test
    void monitoringWithoutAuthHasNoTokenAndTurnsAuthOff() {
        Manifest manifest = pool("none").set("inferenceExtension.monitoring.prometheus.enabled", true)
                .set("inferenceExtension.monitoring.prometheus.auth.enabled", false).manifest();

        assertThat(manifest.ofKind("Secret")).isEmpty();
        assertThat(manifest.get("ServiceMonitor", EPP + "-monitor").at("/spec/endpoints/0/authorization")
                .isMissingNode()).isTrue();
        assertThat(Manifest.texts(Manifest.container(manifest.get("Deployment", EPP), "epp").path("args")))
                .contains("--metrics-endpoint-auth=false");
    }
}
