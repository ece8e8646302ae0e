package dev.inferencegateway.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The images the charts deploy are the ones the Dockerfiles build: same image name and tag, main
 * class, exposed ports and user. (No container engine runs here, so the images themselves are not
 * built by the tests.)
 */
class DockerfileWiringTest {

    private static String dockerfile(String module) throws IOException {
        return Files.readString(Charts.ROOT.resolveSibling(module).resolve("Dockerfile"));
    }

    private static String match(String text, String regex) {
        Matcher matcher = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
        assertThat(matcher.find()).as("%s in Dockerfile", regex).isTrue();
        return matcher.group(1);
    }

    private static List<Integer> containerPorts(JsonNode container) {
        List<Integer> ports = new ArrayList<>();
        container.path("ports").forEach(port -> ports.add(port.path("containerPort").asInt()));
        return ports;
    }

    private static void assertWired(String dockerfile, JsonNode container, String mainClass) {
        assertThat(match(dockerfile, "^#\\s+docker build -t (\\S+) ")).isEqualTo(container.path("image").asText());
        assertThat(match(dockerfile, "^FROM (\\S+)")).startsWith("eclipse-temurin:").endsWith("-jre");
        assertThat(match(dockerfile, "^ENTRYPOINT \\[(.*)]$"))
                .contains("\"-cp\", \"/app/lib/*\"", "\"" + mainClass + "\"");
        assertThat(match(dockerfile, "^COPY (\\S+) /app/lib/")).isEqualTo("target/app/lib/");
        List<Integer> exposed = new ArrayList<>();
        for (String port : match(dockerfile, "^EXPOSE (.+)$").trim().split("\\s+")) {
            exposed.add(Integer.parseInt(port));
        }
        assertThat(exposed).containsExactlyInAnyOrderElementsOf(containerPorts(container));
        assertThat(match(dockerfile, "^USER (\\d+):\\d+"))
                .isEqualTo(container.at("/securityContext/runAsUser").asText());
    }

    @Test
    void eppImageIsTheOneTheEppChartsDeploy() throws IOException {
        JsonNode epp = Manifest.container(Charts.render("inferencepool").release("pool")
                .set("inferencePool.modelServers.matchLabels.app", "x").manifest().get("Deployment", "pool-epp"), "epp");

        assertWired(dockerfile("epp-server"), epp, "dev.inferencegateway.epp.server.EppMain");
    }

    @Test
    void bbrImageIsTheOneTheBbrChartDeploys() throws IOException {
        JsonNode bbr = Manifest.container(Charts.render("body-based-routing").release("bbr").manifest()
                .get("Deployment", "body-based-router"), "bbr");

        assertWired(dockerfile("bbr"), bbr, "dev.inferencegateway.bbr.BbrMain");
    }
}
