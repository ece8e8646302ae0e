package dev.inferencegateway.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every {@code helm install}/{@code helm upgrade} of the seed guides renders valid objects with
 * this project's charts, and the {@code --set} values mean what the guides expect.
 */
class SeedCommandsTest {

    private static final String NAMESPACE = "default";

    static List<SeedCommand> inferencePoolCommands() {
        return SeedCommand.inferencePool();
    }

    static List<SeedCommand> bodyBasedRoutingCommands() {
        return SeedCommand.bodyBasedRouting();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inferencePoolCommands")
    void inferencePoolCommandRendersThePoolItsEppAndTheGuideRoute(SeedCommand command) {
        Manifest manifest = Charts.render(command.chart()).release(command.release()).namespace(NAMESPACE)
                .set(command.sets()).manifest();

        ManifestChecks.assertValid(manifest, NAMESPACE);
        String app = (String) command.sets().get("inferencePool.modelServers.matchLabels.app");
        JsonNode pool = manifest.get("InferencePool", command.release());
        assertThat(pool.at("/spec/selector/matchLabels/app").asText()).isEqualTo(app);
        assertThat(pool.at("/spec/endpointPickerRef/name").asText()).isEqualTo(command.release() + "-epp");
        assertThat(Manifest.texts(Manifest.container(manifest.get("Deployment", command.release() + "-epp"), "epp")
                .path("args"))).containsSubsequence("--pool-name", command.release());

        Object baseModel = command.sets().get("experimentalHttpRoute.baseModel");
        if (baseModel != null) {
            JsonNode rule = manifest.get("HTTPRoute", command.release()).at("/spec/rules/0");
            assertThat(rule.at("/backendRefs/0/name").asText()).isEqualTo(command.release());
            assertThat(rule.at("/matches/0/headers/0/name").asText()).isEqualTo("X-Gateway-Base-Model-Name");
            assertThat(rule.at("/matches/0/headers/0/value").asText()).isEqualTo(baseModel);
        } else {
            assertThat(manifest.ofKind("HTTPRoute")).isEmpty();
        }
        switch (command.provider()) {
            case "gke" -> assertThat(manifest.summary()).contains(
                    "HealthCheckPolicy/" + command.release(), "GCPBackendPolicy/" + command.release());
            case "istio" -> assertThat(manifest.summary()).contains("DestinationRule/" + command.release() + "-epp");
            default -> assertThat(manifest.summary()).noneMatch(id -> id.startsWith("HealthCheckPolicy/")
                    || id.startsWith("GCPBackendPolicy/") || id.startsWith("DestinationRule/"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodyBasedRoutingCommands")
    void bodyBasedRoutingCommandRendersBbrAndTheProviderHookup(SeedCommand command) {
        Manifest manifest = Charts.render(command.chart()).release(command.release()).namespace(NAMESPACE)
                .set(command.sets()).manifest();

        ManifestChecks.assertValid(manifest, NAMESPACE);
        JsonNode container = Manifest.container(manifest.get("Deployment", "body-based-router"), "bbr");
        assertThat(Manifest.texts(container.path("args"))).contains("--streaming");
        switch (command.provider()) {
            case "gke" -> assertThat(manifest.summary()).contains(
                    "GCPRoutingExtension/body-based-router", "HealthCheckPolicy/body-based-router-healthcheck");
            case "istio" -> assertThat(manifest.summary()).contains(
                    "EnvoyFilter/body-based-router", "DestinationRule/body-based-router");
            default -> assertThat(manifest.summary()).noneMatch(id -> id.startsWith("EnvoyFilter/")
                    || id.startsWith("GCPRoutingExtension/"));
        }
    }
}
