package dev.inferencegateway.extproc;

import com.google.protobuf.ListValue;
import com.google.protobuf.NullValue;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts between protobuf {@link Struct}s (Envoy metadata) and plain Java maps. */
public final class Structs {
  private Structs() {}

  /** Converts a map of strings, numbers, booleans, lists and maps to a {@link Struct}. */
  public static Struct toStruct(Map<String, ?> map) {
    Struct.Builder struct = Struct.newBuilder();
    map.forEach((k, v) -> struct.putFields(k, toValue(v)));
    return struct.build();
  }

  /** Converts a Java value to a protobuf {@link Value}. */
  public static Value toValue(Object value) {
    if (value == null) {
      return Value.newBuilder().setNullValue(NullValue.NULL_VALUE).build();
    }
    if (value instanceof String s) {
      return Value.newBuilder().setStringValue(s).build();
    }
    if (value instanceof Number n) {
      return Value.newBuilder().setNumberValue(n.doubleValue()).build();
    }
    if (value instanceof Boolean b) {
      return Value.newBuilder().setBoolValue(b).build();
    }
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> copy = new LinkedHashMap<>();
      m.forEach((k, v) -> copy.put(String.valueOf(k), v));
      return Value.newBuilder().setStructValue(toStruct(copy)).build();
    }
    if (value instanceof Iterable<?> items) {
      ListValue.Builder list = ListValue.newBuilder();
      items.forEach(item -> list.addValues(toValue(item)));
      return Value.newBuilder().setListValue(list).build();
    }
    return Value.newBuilder().setStringValue(value.toString()).build();
  }

  /** Converts a {@link Struct} to nested maps, lists, strings, doubles and booleans. */
  public static Map<String, Object> toMap(Struct struct) {
    Map<String, Object> map = new LinkedHashMap<>();
    struct.getFieldsMap().forEach((k, v) -> map.put(k, fromValue(v)));
    return map;
  }

  /** Converts a protobuf {@link Value} to a Java value. */
  public static Object fromValue(Value value) {
    return switch (value.getKindCase()) {
      case STRING_VALUE -> value.getStringValue();
      case NUMBER_VALUE -> value.getNumberValue();
      case BOOL_VALUE -> value.getBoolValue();
      case STRUCT_VALUE -> toMap(value.getStructValue());
      case LIST_VALUE -> {
        List<Object> list = new ArrayList<>();
        value.getListValue().getValuesList().forEach(v -> list.add(fromValue(v)));
        yield list;
      }
      case NULL_VALUE, KIND_NOT_SET -> null;
    };
  }
}
