package dev.inferencegateway.bench.sim.metrics;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the Prometheus text exposition format 0.0.4 the way Python's prometheus_client (and so
 * vLLM) does: {@code # HELP} and {@code # TYPE} per family, labels sorted by name, floats with a
 * decimal point ({@code 3.0}) and no exponent for ordinary magnitudes. Label sets that repeat on
 * every scrape are rendered once with {@link #labels(Map)} and passed as text.
 */
final class PrometheusTextWriter {
  private final StringBuilder out = new StringBuilder(16 * 1024);

  /** Starts a family. */
  PrometheusTextWriter family(String name, String type, String help) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    return this;
  }

  /** Writes one sample whose labels were rendered by {@link #labels(Map)}. */
  PrometheusTextWriter sample(String name, String renderedLabels, double value) {
    out.append(name).append(renderedLabels).append(' ');
    appendValue(value);
    out.append('\n');
    return this;
  }

  /** Writes one sample; {@code labels} are sorted by name. */
  PrometheusTextWriter sample(String name, Map<String, String> labels, double value) {
    return sample(name, labels(labels), value);
  }

  @Override
  public String toString() {
    return out.toString();
  }

  /** Renders a label set, sorted by name and escaped: {@code {a="1",b="x"}} ({@code ""} when empty). */
  static String labels(Map<String, String> labels) {
    if (labels.isEmpty()) {
      return "";
    }
    StringBuilder text = new StringBuilder("{");
    for (Map.Entry<String, String> label : new TreeMap<>(labels).entrySet()) {
      if (text.length() > 1) {
        text.append(',');
      }
      text.append(label.getKey()).append("=\"");
      escape(text, label.getValue());
      text.append('"');
    }
    return text.append('}').toString();
  }

  /** Formats a value as prometheus_client does: {@code 1.0}, {@code 0.25}, {@code +Inf}. */
  static String format(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return (long) value + ".0";
    }
    String text = Double.toString(value);
    return text.indexOf('E') < 0 ? text : BigDecimal.valueOf(value).toPlainString();
  }

  private void appendValue(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      out.append((long) value).append(".0");
    } else {
      out.append(format(value));
    }
  }

  private static void escape(StringBuilder text, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '\\' -> text.append("\\\\");
        case '"' -> text.append("\\\"");
        case '\n' -> text.append("\\n");
        default -> text.append(c);
      }
    }
  }
}
