package dev.inferencegateway.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code helm lint --strict} of every chart, as shipped and with the values a pool needs. */
class ChartLintTest {

    private static void assertLintPasses(Path chart) {
        LintResult result = new Helm(chart).lint().strict().call();

        assertThat(result.isFailed()).as("helm lint --strict %s: %s", chart.getFileName(), result.getMessages())
                .isFalse();
        assertThat(result.getMessages()).as("helm lint --strict %s", chart.getFileName())
                .noneMatch(message -> message.startsWith("[WARNING]") || message.startsWith("[ERROR]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"epp-lib", "inferencepool", "body-based-routing", "standalone"})
    void chartLintsCleanAsShipped(String chart) {
        assertLintPasses(Charts.chartDirectory(chart));
    }

    @ParameterizedTest
    @ValueSource(strings = {"inferencepool", "standalone"})
    void poolChartLintsCleanWithTheRequiredMatchLabels(String chart, @TempDir Path scratch) {
        Path copy = ChartCopies.copy(chart, scratch, true);
        ChartCopies.setValue(copy, "inferencePool.modelServers.matchLabels.app", "vllm-llama3-8b-instruct");

        assertLintPasses(copy);
    }
}
