package dev.inferencegateway.epp.core.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A configuration document parsed from YAML or JSON into a tree, with the position of every
 * element so that later errors can name the line.
 *
 * <p>Paths use the form {@code plugins[2].parameters.blockSize}. A field's position is the
 * position of its key; an array element's position is where the element starts.
 */
final class LocatedDocument {
  private static final JsonFactory JSON = JsonFactory.builder()
      .enable(com.fasterxml.jackson.core.StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .build();
  private static final YAMLFactory YAML = YAMLFactory.builder().build();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final JsonNode root;
  private final Map<String, SourcePosition> positions;

  private LocatedDocument(JsonNode root, Map<String, SourcePosition> positions) {
    this.root = root;
    this.positions = positions;
  }

  /**
   * Parses {@code text}: JSON when it starts with <code>{</code>, YAML otherwise.
   *
   * @return the document, or empty when the text holds no document (blank or only comments)
   * @throws ConfigException with the position of a syntax error or duplicate key
   */
  static Optional<LocatedDocument> parse(ConfigSource source, String text) {
    boolean json = text.stripLeading().startsWith("{");
    Map<String, SourcePosition> positions = new HashMap<>();
    try (JsonParser p = json ? JSON.createParser(text) : YAML.createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        return Optional.empty();
      }
      JsonNode root = new Reader(source, p, positions, new HashMap<>()).read("");
      JsonToken trailing = p.nextToken();
      if (trailing != null) {
        throw new ConfigException(source, position(p.currentTokenLocation()),
            ConfigErrors.DECODE + (json ? "unexpected data after the JSON object"
                : "more than one YAML document; the configuration must be a single document"));
      }
      return Optional.of(new LocatedDocument(root, positions));
    } catch (JsonProcessingException e) {
      throw new ConfigException(source, position(e.getLocation()),
          ConfigErrors.DECODE + firstLine(e.getOriginalMessage()), e);
    } catch (IOException e) {
      throw new ConfigException(source, null, ConfigErrors.DECODE + e.getMessage(), e);
    }
  }

  /** Returns the document root. */
  JsonNode root() {
    return root;
  }

  /** Returns the position of {@code path}, or of its nearest enclosing element. */
  SourcePosition position(String path) {
    String p = path;
    while (true) {
      SourcePosition found = positions.get(p);
      if (found != null || p.isEmpty()) {
        return found;
      }
      int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      p = cut < 0 ? "" : p.substring(0, cut);
    }
  }

  private static SourcePosition position(JsonLocation location) {
    if (location == null || location.getLineNr() < 1) {
      return null;
    }
    return new SourcePosition(location.getLineNr(), Math.max(1, location.getColumnNr()));
  }

  private static String firstLine(String message) {
    String m = message == null ? "syntax error" : message.strip();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl).strip();
  }

  /** Builds the tree from the token stream, recording positions and resolving YAML aliases. */
  private record Reader(ConfigSource source, JsonParser p, Map<String, SourcePosition> positions,
      Map<String, JsonNode> anchors) {
    JsonNode read(String path) throws IOException {
      positions.putIfAbsent(path, position(p.currentTokenLocation()));
      if (p instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
        JsonNode anchored = anchors.get(p.getText());
        if (anchored == null) {
          throw new ConfigException(source, position(p.currentTokenLocation()), ConfigErrors.DECODE
              + "unknown YAML alias *" + p.getText());
        }
        return anchored.deepCopy();
      }
      String anchor = p instanceof YAMLParser yaml ? yaml.getObjectId() : null;
      JsonNode node = readValue(path);
      if (anchor != null) {
        anchors.put(anchor, node);
      }
      return node;
    }

    private JsonNode readValue(String path) throws IOException {
      JsonToken token = p.currentToken();
      return switch (token) {
        case START_OBJECT -> readObject(path);
        case START_ARRAY -> readArray(path);
        case VALUE_STRING -> NODES.textNode(p.getText());
        case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
          case INT -> NODES.numberNode(p.getIntValue());
          case LONG -> NODES.numberNode(p.getLongValue());
          default -> NODES.numberNode(p.getBigIntegerValue());
        };
        case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDoubleValue());
        case VALUE_TRUE -> NODES.booleanNode(true);
        case VALUE_FALSE -> NODES.booleanNode(false);
        case VALUE_NULL -> NODES.nullNode();
        default -> throw new ConfigException(source, position(p.currentTokenLocation()),
            ConfigErrors.DECODE + "unexpected " + token);
      };
    }

    private ObjectNode readObject(String path) throws IOException {
      ObjectNode object = NODES.objectNode();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        String fieldPath = path.isEmpty() ? name : path + "." + name;
        SourcePosition keyPosition = position(p.currentTokenLocation());
        if (object.has(name)) {
          throw new ConfigException(source, keyPosition, ConfigErrors.DECODE
              + "strict decoding error: duplicate field \"" + fieldPath + "\"");
        }
        positions.put(fieldPath, keyPosition);
        p.nextToken();
        object.set(name, read(fieldPath));
      }
      return object;
    }

    private ArrayNode readArray(String path) throws IOException {
      ArrayNode array = NODES.arrayNode();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        array.add(read(path + "[" + array.size() + "]"));
      }
      return array;
    }
  }
}
