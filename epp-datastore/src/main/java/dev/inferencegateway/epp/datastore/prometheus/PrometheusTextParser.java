package dev.inferencegateway.epp.datastore.prometheus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A streaming parser of the Prometheus text exposition format (0.0.4 and the 1.0.0 quoted-name
 * extension) and of OpenMetrics text, which materialises only the families a
 * {@link FamilySelection} asks for.
 *
 * <p>Every line is syntax-checked: {@code # HELP} / {@code # TYPE} lines, metric and label names
 * (bare or quoted), quoted label values with the {@code \\}, {@code \"} and {@code \n} escapes,
 * values ({@code NaN}, {@code +Inf}, {@code -Inf}, decimal floats) and optional timestamps.
 * OpenMetrics exemplars ({@code # {...} value [ts]}) are skipped and {@code # EOF} ends the input.
 * Histogram and summary samples ({@code _bucket}, {@code _sum}, {@code _count}, ...) are grouped
 * under their declared family. The first malformed line stops the parse with a
 * {@link PrometheusParseException} naming the line.
 *
 * <p>Input is read through a reusable buffer that holds at most one line plus one read chunk, so
 * memory does not grow with the size of the exposition. Instances are not thread-safe; use one
 * per polling loop.
 */
public final class PrometheusTextParser {
  /** The default limit on the length of one line. */
  public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;
  private static final int READ_CHUNK = 16 * 1024;

  private final int maxLineBytes;
  private final NumberParser numbers = new NumberParser();
  private final LabelScanner labels = new LabelScanner();
  private byte[] buffer = new byte[READ_CHUNK];

  private FamilySelection selection;
  private ExpositionFormat format;
  private FamilyBuilder[] selected;
  private Map<String, FamilyBuilder> dynamic;
  private List<FamilyBuilder> order;
  private int lineNumber;
  private int lineFrom;
  private int lineTo;
  private byte[] lineArray;
  private byte[] currentName = new byte[128];
  private int currentLength;
  private MetricType currentType;
  private FamilyBuilder currentBuilder;

  /** Creates a parser with the default line-length limit. */
  public PrometheusTextParser() {
    this(DEFAULT_MAX_LINE_BYTES);
  }

  /** Creates a parser that rejects lines longer than {@code maxLineBytes}. */
  public PrometheusTextParser(int maxLineBytes) {
    if (maxLineBytes < 64) {
      throw new IllegalArgumentException("maxLineBytes must be >= 64");
    }
    this.maxLineBytes = maxLineBytes;
  }

  /** Parses a whole exposition held in memory. */
  public MetricFamilies parse(byte[] data, FamilySelection wanted, ExpositionFormat dialect)
      throws PrometheusParseException {
    return parse(data, 0, data.length, wanted, dialect);
  }

  /** Parses a whole exposition held in {@code data[offset, offset + length)}. */
  public MetricFamilies parse(byte[] data, int offset, int length, FamilySelection wanted,
      ExpositionFormat dialect) throws PrometheusParseException {
    Objects.checkFromIndexSize(offset, length, data.length);
    begin(wanted, dialect);
    int end = offset + length;
    int start = offset;
    int newline;
    while ((newline = Swar.indexOfNewline(data, start, end)) >= 0) {
      lineNumber++;
      if (!line(data, start, newline)) {
        return finish();
      }
      start = newline + 1;
    }
    if (start < end) {
      lineNumber++;
      line(data, start, end);
    }
    return finish();
  }

  /** Parses an exposition read from {@code in} until end of stream or {@code # EOF}. */
  public MetricFamilies parse(InputStream in, FamilySelection wanted, ExpositionFormat dialect)
      throws IOException, PrometheusParseException {
    begin(wanted, dialect);
    byte[] b = buffer;
    int start = 0;
    int scan = 0;
    int limit = 0;
    boolean eof = false;
    while (true) {
      int newline = Swar.indexOfNewline(b, scan, limit);
      if (newline >= 0) {
        lineNumber++;
        if (!line(b, start, newline)) {
          return finish();
        }
        start = newline + 1;
        scan = start;
        continue;
      }
      if (eof) {
        if (start < limit) {
          lineNumber++;
          line(b, start, limit);
        }
        return finish();
      }
      if (limit - start > maxLineBytes) {
        throw tooLong(lineNumber + 1, b, start, limit);
      }
      if (start > 0) {
        System.arraycopy(b, start, b, 0, limit - start);
        limit -= start;
        start = 0;
      }
      if (b.length - limit < READ_CHUNK / 2) {
        b = Arrays.copyOf(b, b.length * 2);
        buffer = b;
      }
      scan = limit;
      int n = in.read(b, limit, b.length - limit);
      if (n < 0) {
        eof = true;
      } else {
        limit += n;
      }
    }
  }

  private void begin(FamilySelection wanted, ExpositionFormat dialect) {
    selection = wanted;
    format = dialect;
    selected = wanted.selectsAll() ? null : new FamilyBuilder[wanted.size()];
    dynamic = wanted.selectsAll() ? new HashMap<>() : null;
    order = new ArrayList<>(wanted.selectsAll() ? 64 : wanted.size());
    lineNumber = 0;
    currentLength = -1;
    currentType = MetricType.UNTYPED;
    currentBuilder = null;
  }

  private MetricFamilies finish() {
    Map<String, MetricFamily> out = new LinkedHashMap<>();
    for (FamilyBuilder f : order) {
      out.put(f.name, f.build());
    }
    selected = null;
    dynamic = null;
    order = null;
    currentBuilder = null;
    return new MetricFamilies(out);
  }

  /** Handles one line; returns false at {@code # EOF}. */
  private boolean line(byte[] b, int from, int to) throws PrometheusParseException {
    if (to - from > maxLineBytes) {
      throw tooLong(lineNumber, b, from, to);
    }
    if (to > from && b[to - 1] == '\r') {
      to--;
    }
    lineArray = b;
    lineFrom = from;
    lineTo = to;
    int p = skipBlanks(b, from, to);
    if (p == to) {
      return true;
    }
    if (b[p] == '#') {
      return comment(b, p + 1, to);
    }
    sample(b, p, to);
    return true;
  }

  private boolean comment(byte[] b, int p, int to) throws PrometheusParseException {
    p = skipBlanks(b, p, to);
    int keyword = p;
    while (p < to && !isBlank(b[p])) {
      p++;
    }
    if (Bytes.equalsAscii("EOF", b, keyword, p)) {
      return skipBlanks(b, p, to) != to;
    }
    boolean help = Bytes.equalsAscii("HELP", b, keyword, p);
    boolean type = Bytes.equalsAscii("TYPE", b, keyword, p);
    if (!help && !type) {
      return true;
    }
    if (p < to) {
      p++;
    }
    p = skipBlanks(b, p, to);
    if (p == to) {
      throw error("missing metric name after # " + (help ? "HELP" : "TYPE"));
    }
    if (b[p] == '"') {
      p = quoted(b, p, to);
      byte[] name = labels.text().getBytes(StandardCharsets.UTF_8);
      enterFamily(name, 0, name.length);
    } else {
      int nameFrom = p;
      if (!isMetricNameStart(b[p])) {
        throw error("invalid metric name");
      }
      do {
        p++;
      } while (p < to && isMetricNameChar(b[p]));
      if (p < to && !isBlank(b[p])) {
        throw error("invalid metric name");
      }
      enterFamily(b, nameFrom, p);
    }
    if (help) {
      if (p < to) {
        p++;
      }
      String text = helpText(b, p, to);
      if (currentBuilder != null) {
        currentBuilder.help = text;
      }
      return true;
    }
    p = skipBlanks(b, p, to);
    int typeEnd = trimBlanksRight(b, p, to);
    MetricType declared = MetricType.fromToken(b, p, typeEnd);
    if (declared == null) {
      throw error("unknown metric type \"" + Bytes.excerpt(b, p, typeEnd) + "\"");
    }
    currentType = declared;
    if (currentBuilder != null) {
      currentBuilder.type = declared;
    }
    return true;
  }

  private String helpText(byte[] b, int p, int to) throws PrometheusParseException {
    boolean keep = currentBuilder != null;
    if (!keep) {
      for (int i = Swar.indexOfByte(b, p, to, (byte) '\\'); i >= 0; i = Swar.indexOfByte(b, i + 2, to, (byte) '\\')) {
        if (i + 1 == to || (b[i + 1] != '\\' && b[i + 1] != 'n')) {
          throw error("invalid escape sequence in help text");
        }
      }
      return "";
    }
    StringBuilder out = keep ? new StringBuilder(to - p) : null;
    int plainFrom = p;
    for (; p < to; p++) {
      if (b[p] == '\\') {
        if (p + 1 == to || (b[p + 1] != '\\' && b[p + 1] != 'n')) {
          throw error("invalid escape sequence in help text");
        }
        if (keep) {
          out.append(Bytes.utf8(b, plainFrom, p)).append(b[p + 1] == 'n' ? '\n' : '\\');
        }
        p++;
        plainFrom = p + 1;
      }
    }
    return keep ? out.append(Bytes.utf8(b, plainFrom, to)).toString() : "";
  }

  private void sample(byte[] b, int p, int to) throws PrometheusParseException {
    FamilyBuilder family;
    int nameFrom = p;
    int nameTo;
    String quotedName = null;
    if (b[p] == '{') {
      p = scanLabels(b, p + 1, to, true, true);
      quotedName = labels.metricName();
      if (quotedName == null) {
        throw error("missing metric name");
      }
      byte[] name = quotedName.getBytes(StandardCharsets.UTF_8);
      family = resolve(name, 0, name.length);
      nameTo = nameFrom;
    } else {
      if (!isMetricNameStart(b[p])) {
        throw error("invalid metric name");
      }
      do {
        p++;
      } while (p < to && isMetricNameChar(b[p]));
      nameTo = p;
      family = resolve(b, nameFrom, nameTo);
      int afterName = skipBlanks(b, p, to);
      if (afterName < to && b[afterName] == '{') {
        p = scanLabels(b, afterName + 1, to, family != null, false);
      } else {
        if (p < to && !isBlank(b[p])) {
          throw error("invalid metric name");
        }
        labels.clear();
      }
    }
    p = skipBlanks(b, p, to);
    if (p == to) {
      throw error("missing value");
    }
    int valueFrom = p;
    while (p < to && !isBlank(b[p])) {
      p++;
    }
    double value = numbers.parseDouble(b, valueFrom, p);
    if (!numbers.ok()) {
      throw error("invalid value \"" + Bytes.excerpt(b, valueFrom, p) + "\"");
    }
    p = skipBlanks(b, p, to);
    long timestamp = Sample.NO_TIMESTAMP;
    if (p < to && b[p] != '#') {
      int tsFrom = p;
      while (p < to && !isBlank(b[p])) {
        p++;
      }
      timestamp = timestamp(b, tsFrom, p);
      p = skipBlanks(b, p, to);
    }
    if (p < to && b[p] != '#') {
      throw error("unexpected text after the timestamp");
    }
    if (family != null) {
      String sampleName = quotedName != null ? quotedName
          : nameTo - nameFrom == family.name.length() ? family.name : Bytes.ascii(b, nameFrom, nameTo);
      family.add(new Sample(sampleName, labels.toLabels(), value, timestamp));
    }
  }

  private long timestamp(byte[] b, int from, int to) throws PrometheusParseException {
    if (format == ExpositionFormat.OPEN_METRICS) {
      double seconds = numbers.parseDouble(b, from, to);
      if (numbers.ok() && Double.isFinite(seconds)) {
        return Math.round(seconds * 1000);
      }
    } else {
      long ms = numbers.parseLong(b, from, to);
      if (numbers.ok()) {
        return ms;
      }
    }
    throw error("invalid timestamp \"" + Bytes.excerpt(b, from, to) + "\"");
  }

  /** Makes {@code name} the current family (from a HELP or TYPE line). */
  private void enterFamily(byte[] b, int from, int to) {
    if (to - from == currentLength && sameAsCurrent(b, from)) {
      return;
    }
    setCurrent(b, from, to, MetricType.UNTYPED, lookup(b, from, to, FamilySelection.hash(b, from, to)));
  }

  /** Returns the builder of the family a sample named {@code b[from, to)} belongs to, or null. */
  private FamilyBuilder resolve(byte[] b, int from, int to) {
    int length = to - from;
    if (currentLength >= 0 && length >= currentLength && sameAsCurrent(b, from)
        && (length == currentLength || currentType.acceptsSuffix(b, from + currentLength, to))) {
      return currentBuilder;
    }
    FamilyBuilder builder = lookup(b, from, to, FamilySelection.hash(b, from, to));
    setCurrent(b, from, to, MetricType.UNTYPED, builder);
    return builder;
  }

  private FamilyBuilder lookup(byte[] b, int from, int to, int hash) {
    if (selected != null) {
      int index = selection.indexOf(b, from, to, hash);
      if (index < 0) {
        return null;
      }
      FamilyBuilder builder = selected[index];
      if (builder == null) {
        builder = new FamilyBuilder(selection.name(index));
        selected[index] = builder;
        order.add(builder);
      }
      return builder;
    }
    String name = Bytes.utf8(b, from, to);
    return dynamic.computeIfAbsent(name, n -> {
      FamilyBuilder builder = new FamilyBuilder(n);
      order.add(builder);
      return builder;
    });
  }

  private void setCurrent(byte[] b, int from, int to, MetricType type, FamilyBuilder builder) {
    int length = to - from;
    if (currentName.length < length) {
      currentName = new byte[Math.max(length, currentName.length * 2)];
    }
    System.arraycopy(b, from, currentName, 0, length);
    currentLength = length;
    currentType = builder != null ? builder.type : type;
    currentBuilder = builder;
  }

  private boolean sameAsCurrent(byte[] b, int from) {
    return java.util.Arrays.equals(b, from, from + currentLength, currentName, 0, currentLength);
  }

  private int scanLabels(byte[] b, int p, int to, boolean keep, boolean nameMayBeFirst)
      throws PrometheusParseException {
    try {
      return labels.scan(b, p, to, keep, nameMayBeFirst);
    } catch (LabelScanner.SyntaxError e) {
      throw error(e.getMessage());
    }
  }

  private int quoted(byte[] b, int p, int to) throws PrometheusParseException {
    try {
      return labels.quoted(b, p, to, true);
    } catch (LabelScanner.SyntaxError e) {
      throw error(e.getMessage());
    }
  }

  private PrometheusParseException tooLong(int line, byte[] b, int from, int to) {
    return new PrometheusParseException(line, "line longer than " + maxLineBytes + " bytes",
        Bytes.excerpt(b, from, to));
  }

  private PrometheusParseException error(String reason) {
    return new PrometheusParseException(lineNumber, reason, Bytes.excerpt(lineArray, lineFrom, lineTo));
  }

  static int skipBlanks(byte[] b, int p, int to) {
    while (p < to && isBlank(b[p])) {
      p++;
    }
    return p;
  }

  private static int trimBlanksRight(byte[] b, int from, int to) {
    while (to > from && isBlank(b[to - 1])) {
      to--;
    }
    return to;
  }

  static boolean isBlank(byte c) {
    return c == ' ' || c == '\t';
  }

  private static boolean isMetricNameStart(byte c) {
    return CharClass.isMetricNameStart(c);
  }

  private static boolean isMetricNameChar(byte c) {
    return CharClass.isMetricNameChar(c);
  }
}
