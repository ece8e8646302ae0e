package dev.inferencegateway.charts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.inferencegateway.config.testing.YamlDocuments;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The objects of a rendered chart (multi-document YAML), parsed and looked up by kind and name.
 */
final class Manifest {

    private final List<ObjectNode> objects;

    private Manifest(List<ObjectNode> objects) {
        this.objects = List.copyOf(objects);
    }

    /** Parses every non-empty YAML document of {@code text}; each must be a mapping. */
    static Manifest parse(String text) {
        List<ObjectNode> parsed = new ArrayList<>();
        for (JsonNode node : YamlDocuments.read(text)) {
            if (!node.isObject()) {
                throw new IllegalStateException("rendered document is not a mapping: " + node);
            }
            parsed.add((ObjectNode) node);
        }
        return new Manifest(parsed);
    }

    /** Parses a YAML text holding a single mapping (for example a config file inside a ConfigMap). */
    static JsonNode parseYaml(String text) {
        List<JsonNode> documents = YamlDocuments.read(text);
        if (documents.size() != 1) {
            throw new IllegalStateException("expected one YAML document, got " + documents.size() + ":\n" + text);
        }
        return documents.get(0);
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
