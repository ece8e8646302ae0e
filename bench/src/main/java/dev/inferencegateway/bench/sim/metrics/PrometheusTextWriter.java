package dev.inferencegateway.bench.sim.metrics;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the Prometheus text exposition format 0.0.4 the way Python's prometheus_client (and so
 * vLLM) does: {@code # HELP} and {@code # TYPE} per family, labels sorted by name, floats with a
 * decimal point ({@code 3.0}) and no exponent for ordinary magnitudes.
 */
final class PrometheusTextWriter {
  private final StringBuilder out = new StringBuilder(8192);

  /** Starts a family. */
  PrometheusTextWriter family(String name, String type, String help) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    return this;
  }

  /** Writes one sample; {@code labels} are sorted by name. */
  PrometheusTextWriter sample(String name, Map<String, String> labels, double value) {
    out.append(name);
    if (!labels.isEmpty()) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<String, String> label : new TreeMap<>(labels).entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        out.append(label.getKey()).append("=\"");
        escape(label.getValue());
        out.append('"');
      }
      out.append('}');
    }
    out.append(' ').append(format(value)).append('\n');
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }

  /** Formats a value as prometheus_client does: {@code 1.0}, {@code 0.25}, {@code +Inf}. */
  static String format(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    }
    String plain = BigDecimal.valueOf(value).toPlainString();
    return plain.contains(".") ? plain : plain + ".0";
  }

  private void escape(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '"' -> out.append("\\\"");
        case '\n' -> out.append("\\n");
        default -> out.append(c);
      }
    }
  }
}
