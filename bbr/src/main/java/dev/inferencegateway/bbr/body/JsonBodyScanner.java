package dev.inferencegateway.bbr.body;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.google.protobuf.ByteString;
import dev.inferencegateway.bbr.plugin.BodyField;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Validates a JSON request body and collects chosen top-level fields in one streaming pass,
 * without building a tree: nested values of other fields are skipped token by token.
 *
 * <p>The body must be exactly one JSON object (as Go's {@code json.Unmarshal} into a map requires).
 * Jackson's default stream constraints apply (nesting depth, string and number lengths), so
 * hostile bodies fail fast with a parse error.
 */
public final class JsonBodyScanner {
  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private final Set<String> fields;
  private final boolean validateWholeBody;

  /**
   * Creates a scanner.
   *
   * @param fields the top-level fields to collect
   * @param validateWholeBody false to stop as soon as every field has been found (the rest of the
   *     body is then left for a later stage to validate)
   */
  public JsonBodyScanner(Set<String> fields, boolean validateWholeBody) {
    this.fields = Set.copyOf(fields);
    this.validateWholeBody = validateWholeBody;
  }

  /** Returns the fields this scanner collects. */
  public Set<String> fields() {
    return fields;
  }

  /**
   * Scans {@code body}.
   *
   * @throws BodyParseException when the body is not a single JSON object
   */
  public BodyScan scan(ByteString body) throws BodyParseException {
    try (JsonParser parser = FACTORY.createParser(body.newInput())) {
      JsonToken token = parser.nextToken();
      if (token == null) {
        throw new BodyParseException("the body is empty");
      }
      if (token != JsonToken.START_OBJECT) {
        throw new BodyParseException("the body must be a JSON object" + at(parser.currentTokenLocation()));
      }
      Map<String, BodyField> found = new HashMap<>(4);
      if (!validateWholeBody && fields.isEmpty()) {
        return new BodyScan(fields, found, false);
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        if (fields.contains(name)) {
          found.put(name, capture(parser, value));
          if (!validateWholeBody && found.size() == fields.size()) {
            return new BodyScan(fields, found, false);
          }
        } else if (value.isStructStart()) {
          parser.skipChildren();
        }
      }
      if (parser.nextToken() != null) {
        throw new BodyParseException("unexpected data after the JSON object" + at(parser.currentTokenLocation()));
      }
      return new BodyScan(fields, found, true);
    } catch (JsonProcessingException e) {
      throw new BodyParseException(describe(e));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static BodyField capture(JsonParser parser, JsonToken value) throws IOException {
    return switch (value) {
      case VALUE_STRING -> BodyField.string(parser.getText());
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new BodyField(BodyField.Kind.NUMBER, parser.getText());
      case VALUE_TRUE, VALUE_FALSE -> new BodyField(BodyField.Kind.BOOLEAN, parser.getText());
      case START_OBJECT, START_ARRAY -> new BodyField(
          value == JsonToken.START_OBJECT ? BodyField.Kind.OBJECT : BodyField.Kind.ARRAY, compact(parser));
      default -> new BodyField(BodyField.Kind.NULL, "");
    };
  }

  private static String compact(JsonParser parser) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      generator.copyCurrentStructure(parser);
    }
    return out.toString();
  }

  /** Returns a client-facing description of a Jackson parse failure, with its line and column. */
  static String describe(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    int source = message.indexOf(" (start marker at [Source");
    if (source >= 0) {
      message = message.substring(0, source);
    }
    return message.replace('\n', ' ') + at(e.getLocation());
  }

  private static String at(JsonLocation location) {
    return location == null || location.getLineNr() < 0 ? ""
        : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }
}
