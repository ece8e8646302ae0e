package dev.inferencegateway.charts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies of this module's charts in a scratch directory, for tests that change chart files. */
final class ChartCopies {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ChartCopies() {
    }

    /**
     * Copies {@code chart} into {@code target/<chart>}, with the symbolic links to the library chart
     * replaced by real copies when {@code resolveLinks}, or left out (as in a checkout without links)
     * otherwise.
     */
    static Path copy(String chart, Path target, boolean resolveLinks) {
        Path source = Charts.chartDirectory(chart);
        Path destination = target.resolve(chart);
        FileVisitOption[] options = resolveLinks ? new FileVisitOption[] {FileVisitOption.FOLLOW_LINKS}
                : new FileVisitOption[0];
        try (Stream<Path> files = Files.walk(source, options)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path copy = destination.resolve(source.relativize(file).toString());
                if (Files.isSymbolicLink(file) && !resolveLinks) {
                    continue;
                }
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return destination;
    }

    /**
     * Sets a string value in a copied chart's values.yaml, creating the mappings on its dotted path
     * (what {@code helm lint --set key=value} would do).
     */
    static void setValue(Path chart, String dottedKey, String value) {
        Path file = chart.resolve("values.yaml");
        try {
            ObjectNode values = (ObjectNode) YAML.readTree(file.toFile());
            String[] keys = dottedKey.split("\\.");
            ObjectNode node = values;
            for (int i = 0; i < keys.length - 1; i++) {
                node = node.has(keys[i]) ? (ObjectNode) node.get(keys[i]) : node.putObject(keys[i]);
            }
            node.put(keys[keys.length - 1], value);
            YAML.writeValue(file.toFile(), values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
