package dev.inferencegateway.charts;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders this module's charts with the Helm library bundled in helm-java, as {@code helm template}
 * does: {@code Charts.render("inferencepool").release("r").set("k", v).manifest()}.
 */
final class Charts {

    /** The module directory, which holds one folder per chart. */
    static final Path ROOT = moduleDirectory();

    private final String chart;
    private final Map<String, Object> values = new LinkedHashMap<>();
    private String release = "release";
    private String namespace = "default";
    private String valuesYaml;

    private Charts(String chart) {
        this.chart = chart;
    }

    static Charts render(String chart) {
        return new Charts(chart);
    }

    static Path chartDirectory(String chart) {
        return ROOT.resolve(chart);
    }

    Charts release(String name) {
        this.release = name;
        return this;
    }

    Charts namespace(String name) {
        this.namespace = name;
        return this;
    }

    /** A {@code --set key=value}. */
    Charts set(String key, Object value) {
        values.put(key, value);
        return this;
    }

    /** Every {@code --set} of a seed command. */
    Charts set(Map<String, ?> sets) {
        values.putAll(sets);
        return this;
    }

    /** A {@code -f values.yaml} with this YAML text. */
    Charts values(String yaml) {
        this.valuesYaml = yaml;
        return this;
    }

    /** The rendered text; fails with Helm's message when rendering fails. */
    String text() {
        TemplateCommand command = new Helm(chartDirectory(chart)).template()
                .withName(release)
                .withNamespace(namespace);
        values.forEach(command::set);
        Path file = null;
        try {
            if (valuesYaml != null) {
                file = Files.createTempFile("values-", ".yaml");
                Files.writeString(file, valuesYaml);
                command.withValuesFile(file);
            }
            return command.call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(file);
        }
    }

    /** The rendered objects. */
    Manifest manifest() {
        return Manifest.parse(text());
    }

    /** The message Helm fails with; fails the test when rendering succeeds. */
    String failure() {
        try {
            String rendered = text();
            throw new AssertionError("expected rendering to fail, but it produced:\n" + rendered);
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path moduleDirectory() {
        String basedir = System.getProperty("basedir");
        Path dir = basedir != null ? Paths.get(basedir) : Paths.get("").toAbsolutePath();
        if (!Files.isDirectory(dir.resolve("inferencepool"))) {
            throw new IllegalStateException("charts module directory not found from " + dir);
        }
        return dir;
    }
}
