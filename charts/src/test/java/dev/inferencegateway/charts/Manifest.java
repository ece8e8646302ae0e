package dev.inferencegateway.charts;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The objects of a rendered chart (multi-document YAML), parsed and looked up by kind and name.
 */
final class Manifest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final List<ObjectNode> objects;

    private Manifest(List<ObjectNode> objects) {
        this.objects = List.copyOf(objects);
    }

    /** Parses every non-empty YAML document of {@code text}; each must be a mapping. */
    static Manifest parse(String text) {
        List<ObjectNode> parsed = new ArrayList<>();
        try (JsonParser parser = YAML.getFactory().createParser(text)) {
            for (JsonNode node : YAML.readValues(parser, JsonNode.class).readAll()) {
                if (node == null || node.isNull() || node.isMissingNode()) {
                    continue;
                }
                if (!node.isObject()) {
                    throw new IllegalStateException("rendered document is not a mapping: " + node);
                }
                parsed.add((ObjectNode) node);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("rendered output is not valid YAML:\n" + text, e);
        }
        return new Manifest(parsed);
    }

    /** Parses a YAML text holding a single mapping (for example a config file inside a ConfigMap). */
    static JsonNode parseYaml(String text) {
        try {
            return YAML.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not valid YAML:\n" + text, e);
        }
    }

    List<ObjectNode> objects() {
        return objects;
    }

    List<ObjectNode> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.path("kind").asText())).toList();
    }

    Optional<ObjectNode> find(String kind, String name) {
        return ofKind(kind).stream()
                .filter(o -> name.equals(o.path("metadata").path("name").asText()))
                .findFirst();
    }

    /** The object of that kind and name; fails listing what was rendered when it is absent. */
    ObjectNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError(
                "no " + kind + " named " + name + " among " + summary()));
    }

    /** The single object of that kind. */
    ObjectNode only(String kind) {
        List<ObjectNode> matches = ofKind(kind);
        if (matches.size() != 1) {
            throw new AssertionError("expected exactly one " + kind + " among " + summary());
        }
        return matches.get(0);
    }

    /** The container of that name in a Deployment's pod template. */
    static JsonNode container(JsonNode deployment, String name) {
        for (JsonNode container : deployment.path("spec").path("template").path("spec").path("containers")) {
            if (name.equals(container.path("name").asText())) {
                return container;
            }
        }
        throw new AssertionError("no container " + name + " in " + deployment.path("metadata").path("name"));
    }

    /** The string values of a YAML sequence. */
    static List<String> texts(JsonNode sequence) {
        List<String> values = new ArrayList<>();
        sequence.forEach(value -> values.add(value.asText()));
        return values;
    }

    /** "Kind/name" of every object, for failure messages. */
    List<String> summary() {
        return objects.stream()
                .map(o -> o.path("kind").asText() + "/" + o.path("metadata").path("name").asText())
                .toList();
    }
}
