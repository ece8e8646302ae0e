package dev.inferencegateway.epp.datastore.plugins.metricsextractor;

import dev.inferencegateway.epp.datastore.prometheus.Labels;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A metric specification in PromQL instant-selector syntax, {@code name{label=value,...}}.
 *
 * <p>Label values may be quoted ({@code "v"}, {@code 'v'}) or bare. Only equality matchers are
 * kept; {@code !=}, {@code =~} and {@code !~} are accepted and ignored, as are label names that
 * start with {@code __} ({@code {__name__="x"}} supplies the name). An empty string disables the
 * metric.
 *
 * @param name the metric family name
 * @param labels the labels a series must carry with these values
 */
public record MetricSpec(String name, Map<String, String> labels) {
  public MetricSpec {
    Objects.requireNonNull(name, "name");
    labels = Map.copyOf(labels);
  }

  /**
   * Parses {@code spec}; blank means disabled.
   *
   * @throws IllegalArgumentException saying what is wrong with the spec
   */
  public static Optional<MetricSpec> parse(String spec) {
    if (spec == null || spec.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(new SpecReader(spec).read());
  }

  /** Returns true when {@code series} carries every label of this spec. */
  public boolean matches(Labels series) {
    return series.containsAll(labels);
  }

  @Override
  public String toString() {
    if (labels.isEmpty()) {
      return name;
    }
    StringBuilder out = new StringBuilder(name).append('{');
    labels.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
        out.append(out.charAt(out.length() - 1) == '{' ? "" : ",").append(e.getKey()).append("=\"")
            .append(e.getValue()).append('"'));
    return out.append('}').toString();
  }

  /** A hand-written reader of the selector grammar. */
  private static final class SpecReader {
    private final String text;
    private int p;

    SpecReader(String text) {
      this.text = text;
    }

    MetricSpec read() {
      skipSpaces();
      String name = scanWhile(true);
      Map<String, String> labels = new LinkedHashMap<>();
      skipSpaces();
      if (p < text.length() && text.charAt(p) == '{') {
        p++;
        name = matchers(name, labels);
      }
      skipSpaces();
      if (p != text.length()) {
        throw fail("unexpected '" + text.charAt(p) + "' at position " + p);
      }
      if (name.isEmpty()) {
        throw fail("missing metric name");
      }
      return new MetricSpec(name, labels);
    }

    private String matchers(String name, Map<String, String> labels) {
      while (true) {
        skipSpaces();
        if (p == text.length()) {
          throw fail("missing '}'");
        }
        if (text.charAt(p) == '}') {
          p++;
          return name;
        }
        String label = scanWhile(false);
        if (label.isEmpty()) {
          throw fail("invalid label name at position " + p);
        }
        skipSpaces();
        String op = operator();
        skipSpaces();
        String value = value();
        if (op.equals("=") && label.equals("__name__")) {
          if (!name.isEmpty() && !name.equals(value)) {
            throw fail("two metric names: " + name + " and " + value);
          }
          name = value;
        } else if (op.equals("=") && !label.startsWith("__")) {
          if (labels.put(label, value) != null) {
            throw fail("label " + label + " given twice");
          }
        }
        skipSpaces();
        if (p < text.length() && text.charAt(p) == ',') {
          p++;
        } else if (p == text.length() || text.charAt(p) != '}') {
          throw fail("expected ',' or '}' at position " + p);
        }
      }
    }

    private String operator() {
      for (String op : new String[] {"!=", "=~", "!~", "="}) {
        if (text.startsWith(op, p)) {
          p += op.length();
          return op;
        }
      }
      throw fail("expected '=' at position " + p);
    }

    private String value() {
      if (p == text.length()) {
        throw fail("missing label value");
      }
      char quote = text.charAt(p);
      if (quote == '"' || quote == '\'' || quote == '`') {
        StringBuilder out = new StringBuilder();
        for (p++; p < text.length(); p++) {
          char c = text.charAt(p);
          if (c == quote) {
            p++;
            return out.toString();
          }
          if (c == '\\' && quote != '`' && p + 1 < text.length()) {
            char next = text.charAt(++p);
            out.append(next == 'n' ? '\n' : next == 't' ? '\t' : next);
          } else {
            out.append(c);
          }
        }
        throw fail("unterminated label value");
      }
      int from = p;
      while (p < text.length() && ",}\"".indexOf(text.charAt(p)) < 0 && !Character.isWhitespace(text.charAt(p))) {
        p++;
      }
      if (from == p) {
        throw fail("missing label value at position " + p);
      }
      return text.substring(from, p);
    }

    private String scanWhile(boolean metricName) {
      int from = p;
      while (p < text.length()) {
        char c = text.charAt(p);
        boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'
            || (metricName && c == ':') || (p > from && c >= '0' && c <= '9');
        if (!ok) {
          break;
        }
        p++;
      }
      return text.substring(from, p);
    }

    private void skipSpaces() {
      while (p < text.length() && Character.isWhitespace(text.charAt(p))) {
        p++;
      }
    }

    private IllegalArgumentException fail(String reason) {
      return new IllegalArgumentException("invalid metric spec \"" + text + "\": " + reason);
    }
  }
}
