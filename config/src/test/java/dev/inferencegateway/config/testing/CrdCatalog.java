package dev.inferencegateway.config.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The CRDs of {@code config/crd/bases}, looked up by the apiVersion and kind of an object.
 */
public final class CrdCatalog {

    private final List<CrdSchema> crds;

    private CrdCatalog(List<CrdSchema> crds) {
        this.crds = List.copyOf(crds);
    }

    /** The {@code config} module directory, from a test running in {@code config} or a sibling module. */
    public static Path configDirectory() {
        String basedir = System.getProperty("basedir");
        Path module = basedir != null ? Paths.get(basedir) : Paths.get("").toAbsolutePath();
        for (Path candidate : List.of(module, module.resolveSibling("config"))) {
            if (Files.isDirectory(candidate.resolve("crd").resolve("bases"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("config/crd/bases not found from " + module);
    }

    /** Every CRD of {@code config/crd/bases}. */
    public static CrdCatalog load() {
        Path bases = configDirectory().resolve("crd").resolve("bases");
        try (Stream<Path> files = Files.list(bases)) {
            return new CrdCatalog(files.filter(f -> f.toString().endsWith(".yaml")).sorted()
                    .map(CrdSchema::load).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<CrdSchema> crds() {
        return crds;
    }

    /** The CRD serving this object's apiVersion and kind. */
    public Optional<CrdSchema> forObject(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        String kind = object.path("kind").asText();
        return crds.stream().filter(crd -> crd.describes(apiVersion, kind)).findFirst();
    }

    /** The violations of an object of one of these CRDs; fails when no CRD serves it. */
    public List<String> violations(JsonNode object) {
        return forObject(object)
                .orElseThrow(() -> new IllegalArgumentException("no CRD serves " + object.path("apiVersion").asText()
                        + " " + object.path("kind").asText()))
                .violations(object);
    }
}
