package dev.inferencegateway.config.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One CustomResourceDefinition file and a checker of objects against its OpenAPI v3 schemas: the
 * structural rules the API server enforces (types, required fields, enums, patterns, lengths,
 * bounds, item and property counts, unknown fields). CEL rules are not evaluated; {@link
 * #celRules(String)} lists them so tests can pin them.
 */
public final class CrdSchema {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final String group;
    private final String kind;
    private final String plural;
    private final boolean namespaced;
    private final Map<String, JsonNode> schemaByVersion;

    private CrdSchema(JsonNode crd) {
        JsonNode spec = crd.path("spec");
        this.group = spec.path("group").asText();
        this.kind = spec.path("names").path("kind").asText();
        this.plural = spec.path("names").path("plural").asText();
        this.namespaced = "Namespaced".equals(spec.path("scope").asText());
        this.schemaByVersion = new LinkedHashMap<>();
        for (JsonNode version : spec.path("versions")) {
            if (version.path("served").asBoolean()) {
                schemaByVersion.put(version.path("name").asText(), version.path("schema").path("openAPIV3Schema"));
            }
        }
    }

    /** Reads a CRD file. */
    public static CrdSchema load(Path file) {
        try {
            return new CrdSchema(YAML.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read CRD " + file, e);
        }
    }

    public String group() {
        return group;
    }

    public String kind() {
        return kind;
    }

    public String plural() {
        return plural;
    }

    public boolean namespaced() {
        return namespaced;
    }

    /** The served versions, storage version first as written. */
    public List<String> versions() {
        return List.copyOf(schemaByVersion.keySet());
    }

    /** The schema of a served version. */
    public Optional<JsonNode> schema(String version) {
        return Optional.ofNullable(schemaByVersion.get(version));
    }

    /** True when {@code apiVersion}/{@code kind} name a served version of this CRD. */
    public boolean describes(String apiVersion, String objectKind) {
        int slash = apiVersion.indexOf('/');
        return slash > 0 && kind.equals(objectKind) && group.equals(apiVersion.substring(0, slash))
                && schemaByVersion.containsKey(apiVersion.substring(slash + 1));
    }

    /** Every CEL rule of a version's schema as "path: rule => message". */
    public List<String> celRules(String version) {
        List<String> rules = new ArrayList<>();
        schema(version).ifPresent(schema -> collectRules(schema, "", rules));
        return rules;
    }

    /** What the API server would reject in {@code object}; empty when it is valid. */
    public List<String> violations(JsonNode object) {
        List<String> out = new ArrayList<>();
        String apiVersion = object.path("apiVersion").asText();
        if (!describes(apiVersion, object.path("kind").asText())) {
            out.add("apiVersion/kind " + apiVersion + " " + object.path("kind").asText() + " is not served by "
                    + plural + "." + group);
            return out;
        }
        if (object.path("metadata").path("name").asText().isEmpty()) {
            out.add("metadata.name: required");
        }
        JsonNode schema = schemaByVersion.get(apiVersion.substring(apiVersion.indexOf('/') + 1));
        validate(object, schema, "", out);
        return out;
    }

    private static void validate(JsonNode node, JsonNode schema, String path, List<String> out) {
        String type = schema.path("type").asText();
        if (!type.isEmpty() && !hasType(node, type)) {
            out.add(where(path) + ": must be of type " + type + ", got " + node.getNodeType().name().toLowerCase());
            return;
        }
        JsonNode allowed = schema.path("enum");
        if (allowed.isArray() && !contains(allowed, node)) {
            out.add(where(path) + ": " + node + " is not one of " + allowed);
        }
        switch (type) {
            case "string" -> validateString(node.asText(), schema, path, out);
            case "integer", "number" -> validateNumber(node, schema, path, out);
            case "array" -> validateArray(node, schema, path, out);
            case "object" -> validateObject(node, schema, path, out);
            default -> { }
        }
    }

    private static void validateString(String value, JsonNode schema, String path, List<String> out) {
        int length = value.codePointCount(0, value.length());
        if (schema.has("minLength") && length < schema.path("minLength").asInt()) {
            out.add(where(path) + ": shorter than " + schema.path("minLength").asInt() + " characters");
        }
        if (schema.has("maxLength") && length > schema.path("maxLength").asInt()) {
            out.add(where(path) + ": longer than " + schema.path("maxLength").asInt() + " characters");
        }
        if (schema.has("pattern") && !Pattern.compile(schema.path("pattern").asText()).matcher(value).find()) {
            out.add(where(path) + ": \"" + value + "\" does not match " + schema.path("pattern").asText());
        }
    }

    private static void validateNumber(JsonNode node, JsonNode schema, String path, List<String> out) {
        if (schema.has("minimum") && node.asDouble() < schema.path("minimum").asDouble()) {
            out.add(where(path) + ": " + node + " is less than " + schema.path("minimum"));
        }
        if (schema.has("maximum") && node.asDouble() > schema.path("maximum").asDouble()) {
            out.add(where(path) + ": " + node + " is greater than " + schema.path("maximum"));
        }
    }

    private static void validateArray(JsonNode node, JsonNode schema, String path, List<String> out) {
        if (schema.has("minItems") && node.size() < schema.path("minItems").asInt()) {
            out.add(where(path) + ": fewer than " + schema.path("minItems").asInt() + " items");
        }
        if (schema.has("maxItems") && node.size() > schema.path("maxItems").asInt()) {
            out.add(where(path) + ": more than " + schema.path("maxItems").asInt() + " items");
        }
        JsonNode items = schema.path("items");
        for (int i = 0; i < node.size() && items.isObject(); i++) {
            validate(node.get(i), items, path + "[" + i + "]", out);
        }
    }

    private static void validateObject(JsonNode node, JsonNode schema, String path, List<String> out) {
        for (JsonNode required : schema.path("required")) {
            if (!node.has(required.asText())) {
                out.add(where(join(path, required.asText())) + ": required");
            }
        }
        if (schema.has("minProperties") && node.size() < schema.path("minProperties").asInt()) {
            out.add(where(path) + ": fewer than " + schema.path("minProperties").asInt() + " properties");
        }
        if (schema.has("maxProperties") && node.size() > schema.path("maxProperties").asInt()) {
            out.add(where(path) + ": more than " + schema.path("maxProperties").asInt() + " properties");
        }
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.path("additionalProperties");
        boolean open = !properties.isObject() && !additional.isObject()
                || schema.path("x-kubernetes-preserve-unknown-fields").asBoolean();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            String fieldPath = join(path, field.getKey());
            if (properties.has(field.getKey())) {
                validate(field.getValue(), properties.get(field.getKey()), fieldPath, out);
            } else if (additional.isObject()) {
                validate(field.getValue(), additional, fieldPath, out);
            } else if (!open) {
                out.add(where(fieldPath) + ": unknown field");
            }
        }
    }

    private static void collectRules(JsonNode schema, String path, List<String> rules) {
        for (JsonNode rule : schema.path("x-kubernetes-validations")) {
            rules.add(where(path) + ": " + rule.path("rule").asText() + " => " + rule.path("message").asText());
        }
        for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            collectRules(property.getValue(), join(path, property.getKey()), rules);
        }
        if (schema.path("items").isObject()) {
            collectRules(schema.path("items"), path + "[]", rules);
        }
    }

    private static boolean hasType(JsonNode node, String type) {
        return switch (type) {
            case "object" -> node.isObject();
            case "array" -> node.isArray();
            case "string" -> node.isTextual();
            case "integer" -> node.isIntegralNumber();
            case "number" -> node.isNumber();
            case "boolean" -> node.isBoolean();
            default -> true;
        };
    }

    private static boolean contains(JsonNode values, JsonNode node) {
        for (JsonNode value : values) {
            if (value.equals(node)) {
                return true;
            }
        }
        return false;
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    private static String where(String path) {
        return path.isEmpty() ? "<root>" : path;
    }
}
