package dev.inferencegateway.bbr.body;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import dev.inferencegateway.bbr.plugin.BbrBody;
import dev.inferencegateway.bbr.plugin.BodyField;
import dev.inferencegateway.epp.core.request.ErrorCode;
import dev.inferencegateway.epp.core.request.InferenceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;

/**
 * A request body backed by its raw bytes and the result of the streaming scan; the tree is built
 * only when a plugin needs a field the scan did not collect, or wants to modify the body.
 *
 * <p>Numbers keep their exact decimal value in the tree, so re-serialising a modified body does not
 * round them.
 */
public final class JsonBody implements BbrBody {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private final ByteString raw;
  private final BodyScan scan;
  private ObjectNode tree;
  private boolean mutated;

  /** Creates a body over its bytes and the scan of them. */
  public JsonBody(ByteString raw, BodyScan scan) {
    this.raw = Objects.requireNonNull(raw, "raw");
    this.scan = Objects.requireNonNull(scan, "scan");
  }

  @Override
  public Optional<BodyField> field(String name) {
    if (tree == null && scan.covers(name)) {
      return scan.field(name);
    }
    return Optional.ofNullable(tree().get(name)).map(JsonBody::toField);
  }

  @Override
  public ObjectNode tree() {
    if (tree == null) {
      tree = parse();
    }
    return tree;
  }

  @Override
  public ObjectNode edit() {
    ObjectNode editable = tree();
    mutated = true;
    return editable;
  }

  @Override
  public boolean mutated() {
    return mutated;
  }

  /** Returns the bytes to forward: the received bytes, or the re-serialised tree once mutated. */
  public ByteString bytes() {
    if (!mutated) {
      return raw;
    }
    try {
      return UnsafeByteOperations.unsafeWrap(MAPPER.writeValueAsBytes(tree));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise the modified request body", e);
    }
  }

  private ObjectNode parse() {
    try {
      JsonNode node = MAPPER.readTree(raw.newInput());
      if (node instanceof ObjectNode object) {
        return object;
      }
      throw new InferenceException(ErrorCode.BAD_REQUEST,
          "failed to parse request body: the body must be a JSON object");
    } catch (JsonProcessingException e) {
      throw new InferenceException(ErrorCode.BAD_REQUEST,
          "failed to parse request body: " + JsonBodyScanner.describe(e), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static BodyField toField(JsonNode node) {
    return switch (node.getNodeType()) {
      case STRING -> BodyField.string(node.textValue());
      case NUMBER -> new BodyField(BodyField.Kind.NUMBER, node.toString());
      case BOOLEAN -> new BodyField(BodyField.Kind.BOOLEAN, node.toString());
      case OBJECT, POJO -> new BodyField(BodyField.Kind.OBJECT, node.toString());
      case ARRAY -> new BodyField(BodyField.Kind.ARRAY, node.toString());
      default -> new BodyField(BodyField.Kind.NULL, "");
    };
  }
}
