package dev.inferencegateway.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/** The standalone chart: the EPP plus an Envoy sidecar, serving a created pool or its own selector. */
class StandaloneChartTest {

    private static final String RELEASE = "vllm-llama3-8b-instruct";
    private static final String EPP = RELEASE + "-epp";
    private static final String NAMESPACE = "default";

    private static Charts withPool() {
        return Charts.render("standalone").release(RELEASE).namespace(NAMESPACE)
                .set("inferencePool.modelServers.matchLabels.app", RELEASE);
    }

    private static Charts withSelector() {
        return Charts.render("standalone").release(RELEASE).namespace(NAMESPACE)
                .set("inferenceExtension.endpointsServer.createInferencePool", false)
                .set("inferenceExtension.endpointsServer.endpointSelector", "app=" + RELEASE);
    }

    private static JsonNode envoyConfig(Manifest manifest) {
        return Manifest.parseYaml(manifest.get("ConfigMap", EPP + "-envoy").at("/data/envoy.yaml").asText());
    }

    private static JsonNode named(JsonNode sequence, String name) {
        for (JsonNode item : sequence) {
            if (name.equals(item.path("name").asText())) {
                return item;
            }
        }
        throw new AssertionError("nothing named " + name + " in " + sequence);
    }

    @Test
    void createdPoolModeRunsEnvoyBesideTheEppOfThePool() {
        Manifest manifest = withPool().manifest();

        ManifestChecks.assertValid(manifest, NAMESPACE);
        assertThat(manifest.get("InferencePool", RELEASE).at("/spec/endpointPickerRef/name").asText()).isEqualTo(EPP);
        JsonNode deployment = manifest.get("Deployment", EPP);
        assertThat(Manifest.texts(Manifest.container(deployment, "epp").path("args")))
                .containsSubsequence("--pool-name", RELEASE, "--pool-namespace", NAMESPACE);
        JsonNode envoy = Manifest.container(deployment, "envoy-sidecar");
        assertThat(envoy.path("image").asText()).startsWith("docker.io/envoyproxy/envoy:");
        assertThat(Manifest.texts(envoy.path("args"))).containsSubsequence("-c", "/etc/envoy/envoy.yaml");
        assertThat(envoy.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/ready");
        JsonNode volume = named(deployment.at("/spec/template/spec/volumes"), "envoy-config");
        assertThat(volume.at("/configMap/name").asText()).isEqualTo(EPP + "-envoy");
        JsonNode http = named(manifest.get("Service", EPP).at("/spec/ports"), "http");
        assertThat(http.path("port").asInt()).isEqualTo(8081);
        assertThat(manifest.find("Role", EPP + "-non-sa")).isPresent();
    }

    @Test
    void envoyCallsTheEppOverExtProcAndForwardsToThePickedEndpoint() {
        JsonNode config = envoyConfig(withPool().manifest());

        JsonNode listener = named(config.at("/static_resources/listeners"), "inference");
        assertThat(listener.at("/address/socket_address/port_value").asInt()).isEqualTo(8081);
        JsonNode manager = listener.at("/filter_chains/0/filters/0/typed_config");
        JsonNode extProc = named(manager.path("http_filters"), "envoy.filters.http.ext_proc").path("typed_config");
        assertThat(extProc.path("@type").asText())
                .isEqualTo("type.googleapis.com/envoy.extensions.filters.http.ext_proc.v3.ExternalProcessor");
        assertThat(extProc.at("/grpc_service/envoy_grpc/cluster_name").asText()).isEqualTo("ext_proc");
        assertThat(extProc.path("processing_mode").toString()).isEqualTo("{\"request_header_mode\":\"SEND\","
                + "\"response_header_mode\":\"SEND\",\"request_body_mode\":\"FULL_DUPLEX_STREAMED\","
                + "\"response_body_mode\":\"FULL_DUPLEX_STREAMED\",\"request_trailer_mode\":\"SEND\","
                + "\"response_trailer_mode\":\"SEND\"}");
        assertThat(manager.at("/http_filters/1/name").asText()).isEqualTo("envoy.filters.http.router");
        assertThat(manager.at("/route_config/virtual_hosts/0/routes/0/route/cluster").asText())
                .isEqualTo("original_destination_cluster");

        JsonNode clusters = config.at("/static_resources/clusters");
        JsonNode original = named(clusters, "original_destination_cluster");
        assertThat(original.path("type").asText()).isEqualTo("ORIGINAL_DST");
        assertThat(original.path("lb_policy").asText()).isEqualTo("CLUSTER_PROVIDED");
        assertThat(original.path("original_dst_lb_config").toString()).isEqualTo(
                "{\"use_http_header\":true,\"http_header_name\":\"x-gateway-destination-endpoint\"}");
        JsonNode extProcCluster = named(clusters, "ext_proc");
        assertThat(extProcCluster.at("/load_assignment/endpoints/0/lb_endpoints/0/endpoint/address/socket_address")
                .toString()).isEqualTo("{\"address\":\"127.0.0.1\",\"port_value\":9002}");
        assertThat(extProcCluster.at("/transport_socket/name").asText()).isEqualTo("envoy.transport_sockets.tls");
        assertThat(extProcCluster.at("/health_checks/0/grpc_health_check/service_name").asText())
                .isEqualTo("envoy.service.ext_proc.v3.ExternalProcessor");
        assertThat(extProcCluster.at("/typed_extension_protocol_options").toString()).contains("http2_protocol_options");
    }

    @Test
    void plaintextEppMeansPlaintextExtProcCluster() {
        JsonNode cluster = named(envoyConfig(withPool().set("inferenceExtension.flags.secure-serving", false)
                .manifest()).at("/static_resources/clusters"), "ext_proc");

        assertThat(cluster.has("transport_socket")).isFalse();
        assertThat(cluster.at("/health_checks/0/tls_options").isMissingNode()).isTrue();
    }

    @Test
    void selectorModeRunsTheEppOnItsOwnEndpointSelector() {
        Manifest manifest = withSelector().values("""
                inferenceExtension:
                  endpointsServer:
                    targetPorts: [8000, 8001]
                    modelServerType: sglang
                """).manifest();

        ManifestChecks.assertValid(manifest, NAMESPACE);
        assertThat(manifest.ofKind("InferencePool")).isEmpty();
        assertThat(manifest.find("Role", EPP + "-non-sa")).isEmpty();
        assertThat(manifest.find("Role", EPP + "-sa")).isPresent();
        JsonNode deployment = manifest.get("Deployment", EPP);
        assertThat(deployment.at("/spec/selector/matchLabels").toString()).isEqualTo("{\"epp\":\"" + EPP + "\"}");
        assertThat(deployment.at("/spec/template/metadata/labels").path("inference.networking.k8s.io/igw-mode")
                .asText()).isEqualTo("standalone");
        assertThat(Manifest.texts(Manifest.container(deployment, "epp").path("args"))).startsWith(
                "--endpoint-selector", "app=" + RELEASE, "--endpoint-target-ports", "8000,8001",
                "--zap-encoder", "json");
        assertThat(Manifest.texts(Manifest.container(deployment, "epp").path("args"))).doesNotContain("--pool-name");
        assertThat(manifest.get("Service", EPP).at("/spec/selector/epp").asText()).isEqualTo(EPP);
        JsonNode config = Manifest.parseYaml(manifest.get("ConfigMap", EPP).at("/data/default-plugins.yaml").asText());
        assertThat(config.toString()).contains("{\"defaultEngine\":\"sglang\"}");
    }

    @Test
    void selectorModeNeedsASelector() {
        assertThat(Charts.render("standalone").release(RELEASE)
                .set("inferenceExtension.endpointsServer.createInferencePool", false).failure())
                .contains(".Values.inferenceExtension.endpointsServer.endpointSelector is required when "
                        + ".Values.inferenceExtension.endpointsServer.createInferencePool is false");
    }

    @Test
    void createdPoolModeNeedsMatchLabels() {
        assertThat(Charts.render("standalone").release(RELEASE).failure())
                .contains(".Values.inferencePool.modelServers.matchLabels is required");
    }

    @Test
    void onlyEnvoyIsASupportedSidecarAndIstioDoesNotApply() {
        assertThat(withSelector().set("inferenceExtension.sidecar.proxyType", "agentgateway").failure())
                .contains(".Values.inferenceExtension.sidecar.proxyType must be envoy");
        assertThat(withSelector().set("provider.name", "istio").failure())
                .contains(".Values.provider.name istio does not apply to the standalone chart");
    }

    @Test
    void aUserEnvoyConfigReplacesTheGeneratedOne() {
        Manifest manifest = withSelector().values("""
                inferenceExtension:
                  sidecar:
                    configMap:
                      name: my-envoy
                      data:
                        envoy.yaml: |
                          static_resources: {}
                """).manifest();

        ManifestChecks.assertValid(manifest, NAMESPACE);
        assertThat(manifest.get("ConfigMap", "my-envoy").at("/data/envoy.yaml").asText().trim())
                .isEqualTo("static_resources: {}");
        assertThat(named(manifest.get("Deployment", EPP).at("/spec/template/spec/volumes"), "envoy-config")
                .at("/configMap/name").asText()).isEqualTo("my-envoy");
    }
}
