package dev.inferencegateway.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed guides install with {@code --dependency-update}: from a checkout without the library
 * chart linked in, Helm packages epp-lib from {@code file://../epp-lib} and renders.
 */
class DependencyUpdateTest {

    @Test
    void dependencyUpdateFetchesTheLibraryChartFromTheSiblingFolder(@TempDir Path scratch) {
        ChartCopies.copy("epp-lib", scratch, false);
        Path pool = ChartCopies.copy("inferencepool", scratch, false);
        assertThat(pool.resolve("charts").resolve("epp-lib")).doesNotExist();

        String rendered = new Helm(pool).template().withName("vllm-deepseek-r1").withNamespace("default")
                .set("inferencePool.modelServers.matchLabels.app", "vllm-deepseek-r1")
                .dependencyUpdate()
                .call();

        Manifest manifest = Manifest.parse(rendered);
        ManifestChecks.assertValid(manifest, "default");
        assertThat(manifest.find("InferencePool", "vllm-deepseek-r1")).isPresent();
        assertThat(Files.exists(pool.resolve("charts").resolve("epp-lib-0.1.0.tgz"))).isTrue();
    }

    @Test
    void withoutTheLibraryChartHelmNamesTheMissingDependency(@TempDir Path scratch) {
        ChartCopies.copy("epp-lib", scratch, false);
        Path pool = ChartCopies.copy("inferencepool", scratch, false);

        assertThatThrownBy(() -> new Helm(pool).template().withName("vllm-deepseek-r1")
                .set("inferencePool.modelServers.matchLabels.app", "vllm-deepseek-r1").call())
                .hasMessageContaining("epp-lib");
    }
}
