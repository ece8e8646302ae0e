package dev.inferencegateway.epp.datastore.prometheus;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Scans a label set ({@code {name="value",...}}) and quoted strings, keeping the decoded labels
 * only when asked to; reused across lines by one parser.
 */
final class LabelScanner {
  /** A syntax error inside a label set or quoted string. */
  static final class SyntaxError extends Exception {
    private static final long serialVersionUID = 1L;

    SyntaxError(String reason) {
      super(reason, null, false, false);
    }
  }

  private String[] pairs = new String[16];
  private int count;
  private String metricName;
  private String text;

  void clear() {
    count = 0;
    metricName = null;
  }

  /** Returns the metric name given as the first, quoted entry of the last label set, if any. */
  String metricName() {
    return metricName;
  }

  /** Returns the decoded content of the last {@link #quoted} call made with {@code keep}. */
  String text() {
    return text;
  }

  Labels toLabels() {
    return count == 0 ? Labels.EMPTY : Labels.wrap(Arrays.copyOf(pairs, count));
  }

  /**
   * Scans label pairs from just after {@code '{'} to the closing {@code '}'}, returning the index
   * after it. With {@code nameMayBeFirst}, a leading quoted string not followed by {@code '='} is
   * the metric name (the UTF-8 syntax {@code {"my.metric",label="v"}}).
   */
  int scan(byte[] b, int p, int to, boolean keep, boolean nameMayBeFirst) throws SyntaxError {
    clear();
    boolean first = true;
    while (true) {
      p = PrometheusTextParser.skipBlanks(b, p, to);
      if (p == to) {
        throw new SyntaxError("unterminated label set");
      }
      if (b[p] == '}') {
        return p + 1;
      }
      String name = null;
      if (b[p] == '"') {
        p = quoted(b, p, to, true);
        name = text;
        int next = PrometheusTextParser.skipBlanks(b, p, to);
        if (first && nameMayBeFirst && next < to && (b[next] == ',' || b[next] == '}')) {
          metricName = name;
          first = false;
          p = b[next] == ',' ? next + 1 : next;
          continue;
        }
      } else {
        int nameFrom = p;
        if (!isLabelNameStart(b[p])) {
          throw new SyntaxError("invalid label name");
        }
        while (p < to && isLabelNameChar(b[p])) {
          p++;
        }
        if (keep) {
          name = Bytes.ascii(b, nameFrom, p);
        }
      }
      first = false;
      p = PrometheusTextParser.skipBlanks(b, p, to);
      if (p == to || b[p] != '=') {
        throw new SyntaxError("expected '=' after label name");
      }
      p = PrometheusTextParser.skipBlanks(b, p + 1, to);
      if (p == to || b[p] != '"') {
        throw new SyntaxError("label value must be a quoted string");
      }
      p = quoted(b, p, to, keep);
      if (keep) {
        add(name, text);
      }
      p = PrometheusTextParser.skipBlanks(b, p, to);
      if (p < to && b[p] == ',') {
        p++;
      } else if (p == to || b[p] != '}') {
        throw new SyntaxError("expected ',' or '}' after label value");
      }
    }
  }

  /** Scans a quoted string starting at {@code b[p] == '"'}; returns the index after the closing quote. */
  int quoted(byte[] b, int p, int to, boolean keep) throws SyntaxError {
    int from = p + 1;
    StringBuilder escaped = null;
    int plainFrom = from;
    for (p = from; p < to; p++) {
      p = Swar.indexOfQuoteOrBackslash(b, p, to);
      if (p < 0) {
        break;
      }
      byte c = b[p];
      if (c == '"') {
        if (keep) {
          text = escaped == null ? new String(b, from, p - from, StandardCharsets.UTF_8)
              : escaped.append(Bytes.utf8(b, plainFrom, p)).toString();
        }
        return p + 1;
      }
      if (c == '\\') {
        if (p + 1 == to) {
          break;
        }
        byte next = b[p + 1];
        if (next != '\\' && next != '"' && next != 'n') {
          throw new SyntaxError("invalid escape sequence \\" + (char) (next & 0xff));
        }
        if (keep) {
          if (escaped == null) {
            escaped = new StringBuilder(p - from + 16);
          }
          escaped.append(Bytes.utf8(b, plainFrom, p)).append(next == 'n' ? '\n' : (char) next);
        }
        p++;
        plainFrom = p + 1;
      }
    }
    throw new SyntaxError("unterminated quoted string");
  }

  private void add(String name, String value) throws SyntaxError {
    for (int i = 0; i < count; i += 2) {
      if (pairs[i].equals(name)) {
        throw new SyntaxError("duplicate label name \"" + name + "\"");
      }
    }
    if (count + 2 > pairs.length) {
      pairs = Arrays.copyOf(pairs, pairs.length * 2);
    }
    pairs[count++] = name;
    pairs[count++] = value;
  }

  private static boolean isLabelNameStart(byte c) {
    return CharClass.isLabelNameStart(c);
  }

  private static boolean isLabelNameChar(byte c) {
    return CharClass.isLabelNameChar(c);
  }
}
